package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.FitJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data} given more than once, and {@code --data NAME=PATH} for an IDX array. */
class SeveralDataFilesTest {
    @TempDir
    Path tmp;

    /** A gzipped unsigned-byte IDX of {@code n} images of 2 x 2, pixels 0 and 1 (one pixel 2 if {@code bad}). */
    private Path images(String name, int n, boolean bad) throws IOException {
        ByteBuffer idx = ByteBuffer.allocate(4 + 12 + n * 4);
        idx.put(new byte[] {0, 0, 0x08, 3}).putInt(n).putInt(2).putInt(2);
        for (int i = 0; i < n * 4; i++) {
            idx.put((byte) ((i * 7 % 3 == 0) ? 1 : 0));
        }
        if (bad) {
            idx.put(4 + 12 + 5, (byte) 2);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(idx.array());
        }
        return Files.write(tmp.resolve(name), out.toByteArray());
    }

    private Path sizes(int n) {
        return Cli.write(tmp.resolve("sizes.json"), "{\"N\": " + n + ", \"D\": 4}");
    }

    private Cli.Result run(Path model, String... data) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", model.toString()));
        for (String d : data) {
            args.add("--data");
            args.add(d);
        }
        args.addAll(java.util.List.of("--out", tmp.resolve("out").toString()));
        args.addAll(java.util.List.of(Cli.QUICK));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void anIdxArrayAndAJsonFileFitTogether() throws IOException {
        Path images = images("train-images-idx3-ubyte.gz", 6, false);
        Cli.Result r = run(bernoulliModel(), sizes(6).toString(), "x=" + images);
        r.assertCode(ExitCode.OK);
        r.assertClean();
        assertTrue(r.out().contains(" with " + tmp.resolve("sizes.json") + ", x=" + images + ", seed"), r.all());
        assertEquals(tmp.resolve("sizes.json") + ", x=" + images,
                FitJson.read(tmp.resolve("out").resolve("fit.json")).data());
    }

    @Test
    void anIdxFileWithoutANameSaysToWriteOne() throws IOException {
        Path images = images("train-images-idx3-ubyte.gz", 6, false);
        run(bernoulliModel(), sizes(6).toString(), images.toString())
                .assertFails(ExitCode.DATA, "an IDX file holds one array and no variable name", "--data x=" + images);
    }

    @Test
    void aVariableInTwoFilesNamesBoth() throws IOException {
        Path images = images("x.idx.gz", 6, false);
        Path json = Cli.write(tmp.resolve("all.json"), "{\"N\": 6, \"D\": 4, \"x\": [[0]]}");
        run(bernoulliModel(), json.toString(), "x=" + images)
                .assertFails(ExitCode.DATA, "'x' is given twice, by " + json + " and by " + images);
    }

    @Test
    void aBadPixelNamesTheIdxFileAndTheElement() throws IOException {
        Path images = images("x-ubyte.gz", 6, true);
        run(bernoulliModel(), sizes(6).toString(), "x=" + images)
                .assertFails(ExitCode.DATA, images + ": 'x[2,2]' = 2 violates <upper=1>");
    }

    @Test
    void aMissingNamedFileIsAUsageError() {
        run(bernoulliModel(), sizes(6).toString(), "x=" + tmp.resolve("none.idx"))
                .assertFails(ExitCode.USAGE, "no such file", "none.idx");
    }

    @Test
    void aJsonFileGivenANameSaysToDropIt() {
        run(bernoulliModel(), "x=" + sizes(6))
                .assertFails(ExitCode.DATA, "x=FILE takes one array file", "give it without x=");
    }

    @Test
    void theHelpSaysDataMayRepeat() {
        Cli.Result r = Cli.run("run", "--help");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("NAME=PATH"), r.out());
        assertTrue(r.out().contains("more than once"), r.out());
    }

    /** One log-odds shared by every pixel: binds x as N x D and fits in a moment. */
    private Path bernoulliModel() {
        return Cli.write(tmp.resolve("pixels.vmodel"), """
                data {
                  int<lower=0> N;
                  int<lower=1> D;
                  array[N, D] int<lower=0, upper=1> x;
                }
                latent {
                  real a;
                }
                model {
                  a ~ normal(0, 2);
                  x ~ bernoulli_logit(a);
                }
                """);
    }
}
