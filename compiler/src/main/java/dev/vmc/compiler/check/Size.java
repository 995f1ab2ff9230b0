package dev.vmc.compiler.check;

/**
 * A size as the checker knows it before any data is read: a literal, the name of an int
 * data value, or unknown (a size written as arithmetic), which matches every size so that
 * the checker never rejects what it cannot decide.
 */
public sealed interface Size {

    record Literal(int value) implements Size {
        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    record Named(String name) implements Size {
        @Override
        public String toString() {
            return name;
        }
    }

    record Unknown() implements Size {
        @Override
        public String toString() {
            return "?";
        }
    }

    Size UNKNOWN = new Unknown();

    /** Whether two sizes may be equal: "vector[J] and vector[K] do not mix even if J == K". */
    default boolean matches(Size other) {
        return this instanceof Unknown || other instanceof Unknown || this.equals(other);
    }

    default boolean isKnown() {
        return !(this instanceof Unknown);
    }
}
