package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector form of Adam's update gives the scalar loop's results bit for bit, so no fit changes with it. */
class VectorAdamTest {
    @Test
    void sameBitsAsTheScalarLoop() {
        assertTrue(dev.vmc.runtime.nn.VectorSupport.PRESENT, "the build's tests run with the Vector API module");
        SplittableRandom random = new SplittableRandom(1);
        int n = 1003; // not a multiple of any vector length: the scalar tail runs too
        double[] x = new double[n];
        double[] g = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-6, 6));
            g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-12, 6));
            m[i] = random.nextGaussian() * 1e-3;
            v[i] = Math.abs(random.nextGaussian()) * 1e-4;
        }
        double[] xs = x.clone(), ms = m.clone(), vs = v.clone();
        for (int step = 1; step <= 50; step++) {
            double c1 = 1 - Math.pow(0.9, step);
            double c2 = 1 - Math.pow(0.999, step);
            int from = VectorAdam.ascend(x, g, m, v, 0.01, c1, c2, 0.9, 0.999, 1e-8);
            for (int i = from; i < n; i++) {
                m[i] = 0.9 * m[i] + (1 - 0.9) * g[i];
                v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i];
                x[i] += 0.01 * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
            for (int i = 0; i < n; i++) {
                ms[i] = 0.9 * ms[i] + (1 - 0.9) * g[i];
                vs[i] = 0.999 * vs[i] + (1 - 0.999) * g[i] * g[i];
                xs[i] += 0.01 * (ms[i] / c1) / (Math.sqrt(vs[i] / c2) + 1e-8);
            }
        }
        assertArrayEquals(xs, x, 0.0);
        assertArrayEquals(ms, m, 0.0);
        assertArrayEquals(vs, v, 0.0);
    }
}
