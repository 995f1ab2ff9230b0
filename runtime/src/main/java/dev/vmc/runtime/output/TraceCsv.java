package dev.vmc.runtime.output;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the optimisation trace: the ELBO estimate at the recorded steps. */
public final class TraceCsv {
    private TraceCsv() {}

    public static void write(Path file, long[] steps, double[] elbo) throws IOException {
        if (steps.length != elbo.length) {
            throw new IllegalArgumentException(steps.length + " steps but " + elbo.length + " ELBO values");
        }
        AtomicFiles.write(file, out -> {
            out.write("step,elbo\n");
            for (int i = 0; i < steps.length; i++) {
                out.write(steps[i] + "," + elbo[i] + "\n");
            }
        });
    }
}
