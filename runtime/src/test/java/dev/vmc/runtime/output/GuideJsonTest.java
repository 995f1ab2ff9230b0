package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataException;
import dev.vmc.runtime.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideJsonTest {

    @Test
    void roundTripIsBitExact(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        double[] awkward = new double[200];
        for (int i = 0; i < awkward.length; i++) {
            awkward[i] = Double.longBitsToDouble(random.nextLong()); // any bit pattern, NaNs aside
            if (Double.isNaN(awkward[i])) {
                awkward[i] = random.nextDouble();
            }
        }
        awkward[0] = -0.0;
        awkward[1] = Double.MIN_VALUE;
        awkward[2] = Double.MAX_VALUE;
        awkward[3] = 0.1 + 0.2;
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("mu.loc", Tensor.scalar(1.0 / 3));
        params.put("theta.scale", new Tensor(new int[] {2, 100}, awkward));
        params.put("empty", new Tensor(new int[] {0}, new double[0]));
        params.put("odd", Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "eight_schools.vmodel");
        meta.put("note", "quotes \" backslash \\ tab \t newline \n bell \u0007 é");

        Path file = dir.resolve("guide.json");
        GuideJson.write(file, params, meta);
        GuideFile back = GuideJson.read(file);

        assertEquals(meta, back.meta());
        assertEquals(List.copyOf(params.keySet()), List.copyOf(back.params().keySet()));
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor read = back.params().get(e.getKey());
            assertArrayEquals(e.getValue().shape, read.shape, e.getKey());
            for (int i = 0; i < read.data.length; i++) {
                assertEquals(Double.doubleToLongBits(e.getValue().data[i]), Double.doubleToLongBits(read.data[i]),
                        e.getKey() + "[" + i + "]");
            }
        }
    }

    @Test
    void emptyMapsRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("guide.json");
        GuideJson.write(file, Map.of(), Map.of());
        GuideFile back = GuideJson.read(file);
        assertTrue(back.meta().isEmpty() && back.params().isEmpty());
    }

    @Test
    void theFileIsReadableJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("guide.json");
        GuideJson.write(file, Map.of("m", Tensor.vector(1.5, -2)), Map.of("guide", "meanfield"));
        assertEquals("{\n  \"meta\": {\n    \"guide\": \"meanfield\"\n  },\n  \"params\": {\n"
                + "    \"m\": {\"shape\": [2], \"values\": [1.5, -2.0]}\n  }\n}\n", Files.readString(file));
    }

    @Test
    void malformedGuideFilesAreDataErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("guide.json");
        Files.writeString(file, "{\"params\": {\"m\": {\"shape\": [2], \"values\": [1]}}}");
        assertTrue(assertThrows(DataException.class, () -> GuideJson.read(file)).getMessage()
                .contains("shape [2] needs 2 values, found 1"));
        Files.writeString(file, "{\"meta\": {}}");
        assertTrue(assertThrows(DataException.class, () -> GuideJson.read(file)).getMessage()
                .contains("no \"params\""));
        Files.writeString(file, "{\"params\": {\"m\": {\"shape\": [1.5], \"values\": [1]}}}");
        assertThrows(DataException.class, () -> GuideJson.read(file));
        Files.writeString(file, "{\"params\": {\"m\": {\"shape\": [1], \"values\": [true]}}}");
        assertThrows(DataException.class, () -> GuideJson.read(file));
        Files.writeString(file, "{\"params\": ");
        assertTrue(assertThrows(DataException.class, () -> GuideJson.read(file)).getMessage()
                .startsWith(file + ":1:12: "));
    }
}
