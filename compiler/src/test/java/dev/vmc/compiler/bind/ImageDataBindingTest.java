package dev.vmc.compiler.bind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.DataValue;
import dev.vmc.runtime.data.StanJsonReader;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Images for a table of rows: an N x H x W array binds to a declared N x (H W), row-major,
 * and the problems of merged files name the file each value came from.
 */
class ImageDataBindingTest {
    private final CheckedProgram checked = Checker.check(ProgramParser.parse("vae.vmodel", """
            data {
              int<lower=0> N;
              int<lower=1> D;
              array[N, D] int<lower=0, upper=1> x;
            }
            model {}
            """));

    /** {@code n} images of {@code height x width}, pixels alternately 0 and 1. */
    private static DataValue images(int n, int height, int width) {
        double[] values = new double[n * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2;
        }
        return new DataValue(new int[] {n, height, width}, values, true);
    }

    private static DataSet data(int n, int d, DataValue x) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("N", n);
        values.put("D", d);
        values.put("x", x);
        return DataSet.of(values);
    }

    private String problem(DataSet data) {
        return assertThrows(DataMismatchException.class, () -> DataBinder.bind(checked, data)).getMessage();
    }

    @Test
    void imagesFlattenRowMajorToTheDeclaredRows() {
        DataValue x = images(4, 2, 3);
        Tensor bound = DataBinder.bind(checked, data(4, 6, x)).values().get("x");
        assertArrayEquals(new int[] {4, 6}, bound.shape);
        assertArrayEquals(x.values(), bound.data);
    }

    @Test
    void aRowOfTheWrongSizeSaysWhatEachRowFlattensTo() {
        assertEquals("'x' should be array[N, D] int = 4 x 5, got 4 x 2 x 3; each of its 4 rows flattens row-major to 6"
                + " values, and 5 are declared", problem(data(4, 5, images(4, 2, 3))));
    }

    @Test
    void theLeadingDimensionMustMatch() {
        assertEquals("'x' should be array[N, D] int = 3 x 6, got 4 x 2 x 3; an array of 3 dimensions fills 3 x 6 only"
                + " with 3 rows, and it has 4", problem(data(3, 6, images(4, 2, 3))));
    }

    @Test
    void theRuleIsOnlyForMoreDimensionsThanTwoDeclared() {
        CheckedProgram vector = Checker.check(ProgramParser.parse("v.vmodel",
                "data { int<lower=0> N; vector[N] y; }\nmodel {}\n"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("N", 6);
        values.put("y", new DataValue(new int[] {1, 2, 3}, new double[6], false));
        DataMismatchException e = assertThrows(DataMismatchException.class,
                () -> DataBinder.bind(vector, DataSet.of(values)));
        assertEquals("'y' should be vector[N] = 6 values, got 1 x 2 x 3", e.getMessage());
    }

    @Test
    void problemsInMergedFilesNameTheFileTheValueCameFrom() {
        DataSet sizes = StanJsonReader.parse("{\"N\": 2, \"D\": 6}", "train.json");
        double[] pixels = new double[12];
        pixels[7] = 2;
        DataSet merged = DataSet.merge(List.of(sizes, renamed(Map.of("x",
                new DataValue(new int[] {2, 2, 3}, pixels, true)), "digits.idx")));
        assertEquals("digits.idx: 'x[2,2]' = 2 violates <upper=1>", problem(merged));
        DataSet missing = DataSet.merge(List.of(sizes, renamed(Map.of("y", images(2, 2, 3)), "other.idx")));
        assertEquals("train.json, other.idx: none of the data files has a value for 'x' (declared at vae.vmodel:4:37)",
                problem(missing));
    }

    /** A one-variable set as a file would give it: the binder's messages name {@code source}. */
    private static DataSet renamed(Map<String, DataValue> values, String source) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, v) -> {
            json.append('"').append(name).append("\": ");
            appendNested(json, v.shape(), v.values(), 0, 0);
        });
        return StanJsonReader.parse(json.append('}').toString(), source);
    }

    private static int appendNested(StringBuilder out, int[] shape, double[] values, int depth, int at) {
        out.append('[');
        for (int i = 0; i < shape[depth]; i++) {
            out.append(i == 0 ? "" : ", ");
            if (depth == shape.length - 1) {
                out.append((long) values[at++]);
            } else {
                at = appendNested(out, shape, values, depth + 1, at);
            }
        }
        out.append(']');
        return at;
    }
}
