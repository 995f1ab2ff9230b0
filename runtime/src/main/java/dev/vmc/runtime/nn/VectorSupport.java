package dev.vmc.runtime.nn;

/** Whether the Vector API can be used: its incubator module must be in the boot layer. */
public final class VectorSupport {
    /**
     * Java 17 ships the Vector API as the incubator module {@code jdk.incubator.vector}, resolved
     * only when the JVM is started with {@code --add-modules jdk.incubator.vector} (bin/vmc and
     * the build's tests do); a library user's JVM may not be, and then networks run in loops.
     */
    public static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {}
}
