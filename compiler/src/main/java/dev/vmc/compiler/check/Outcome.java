package dev.vmc.compiler.check;

/** A typing rule's verdict: the result type, or what is wrong. */
record Outcome(Type type, String error) {
    static Outcome ok(Type type) {
        return new Outcome(type, null);
    }

    static Outcome fail(String error) {
        return new Outcome(Type.ERROR, error);
    }

    boolean failed() {
        return error != null;
    }

    /** The same verdict with the result type changed, when there is one. */
    Outcome mapType(java.util.function.UnaryOperator<Type> change) {
        return failed() || type.isError() ? this : ok(change.apply(type));
    }
}
