package dev.vmc.runtime.output;

import dev.vmc.runtime.data.DataException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.data.NonFinite;
import dev.vmc.runtime.tensor.Tensor;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads fitted parameters, so a fit can be resumed, inspected or sampled again:
 * <pre>
 * {"meta": {"model": "...", ...},
 *  "params": {"mu.loc": {"shape": [], "values": [1.25]}, ...}}
 * </pre>
 * Values round-trip bit for bit: they are written with Double.toString and read back by
 * Jackson, whose parser rounds correctly, as Double.parseDouble does. Non-finite values use Stan's strings "NaN", "Inf", "-Inf".
 */
public final class GuideJson {
    private GuideJson() {}

    public static void write(Path file, Map<String, Tensor> values, Map<String, String> meta) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write("{\n  \"meta\": {");
            String separator = "\n";
            for (Map.Entry<String, String> e : meta.entrySet()) {
                out.write(separator + "    " + quote(e.getKey()) + ": " + quote(e.getValue()));
                separator = ",\n";
            }
            out.write(meta.isEmpty() ? "},\n" : "\n  },\n");
            out.write("  \"params\": {");
            separator = "\n";
            for (Map.Entry<String, Tensor> e : values.entrySet()) {
                out.write(separator + "    " + quote(e.getKey()) + ": ");
                writeTensor(out, e.getValue());
                separator = ",\n";
            }
            out.write(values.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        });
    }

    private static void writeTensor(Writer out, Tensor tensor) throws IOException {
        StringBuilder text = new StringBuilder("{\"shape\": [");
        for (int d = 0; d < tensor.shape.length; d++) {
            text.append(d == 0 ? "" : ", ").append(tensor.shape[d]);
        }
        text.append("], \"values\": [");
        for (int i = 0; i < tensor.data.length; i++) {
            text.append(i == 0 ? "" : ", ").append(number(tensor.data[i]));
        }
        out.write(text.append("]}").toString());
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : quote(NonFinite.format(v));
    }

    /** Jackson's escaping: quotes, backslashes and control characters; the rest as is (UTF-8). */
    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if it is not JSON, or is not laid out as {@link #write} lays it out
     */
    public static GuideFile read(Path file) throws IOException {
        String source = file.toString();
        Json root = JsonTree.read(file);
        Json.Obj top = object(root, "the top level", source);
        Map<String, String> meta = new LinkedHashMap<>();
        Json metaJson = top.members().get("meta");
        if (metaJson != null) {
            for (Map.Entry<String, Json> e : object(metaJson, "\"meta\"", source).members().entrySet()) {
                if (!(e.getValue() instanceof Json.Str str)) {
                    throw new DataException(source + ": meta \"" + e.getKey() + "\" should be a string, not "
                            + Json.describe(e.getValue()));
                }
                meta.put(e.getKey(), str.value());
            }
        }
        Json paramsJson = top.members().get("params");
        if (paramsJson == null) {
            throw new DataException(source + ": no \"params\" object; is this a guide.json written by vmc?");
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : object(paramsJson, "\"params\"", source).members().entrySet()) {
            params.put(e.getKey(), tensor(e.getKey(), e.getValue(), source));
        }
        return new GuideFile(Collections.unmodifiableMap(meta), Collections.unmodifiableMap(params));
    }

    private static Tensor tensor(String name, Json json, String source) {
        String where = source + ": parameter \"" + name + "\"";
        Json.Obj obj = object(json, "parameter \"" + name + "\"", source);
        List<Json> shapeJson = array(obj.members().get("shape"), where + " \"shape\"");
        List<Json> valuesJson = array(obj.members().get("values"), where + " \"values\"");
        int[] shape = new int[shapeJson.size()];
        for (int d = 0; d < shape.length; d++) {
            if (!(shapeJson.get(d) instanceof Json.Num n) || !n.integer() || n.value() < 0
                    || n.value() > Integer.MAX_VALUE) {
                throw new DataException(where + ": \"shape\" must hold non-negative integers");
            }
            shape[d] = (int) n.value();
        }
        double[] values = new double[valuesJson.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(valuesJson.get(i), where);
        }
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (expected != values.length) {
            throw new DataException(where + ": shape " + Arrays.toString(shape) + " needs " + expected
                    + " values, found " + values.length);
        }
        return new Tensor(shape, values);
    }

    private static double number(Json json, String where) {
        if (json instanceof Json.Num n) {
            return n.value();
        }
        if (json instanceof Json.Str s && NonFinite.parse(s.value()).isPresent()) {
            return NonFinite.parse(s.value()).getAsDouble();
        }
        throw new DataException(where + ": \"values\" must hold numbers, found " + Json.describe(json));
    }

    private static Json.Obj object(Json json, String what, String source) {
        if (json instanceof Json.Obj obj) {
            return obj;
        }
        throw new DataException(source + ": " + what + " should be an object, not " + Json.describe(json));
    }

    private static List<Json> array(Json json, String what) {
        if (json instanceof Json.Arr arr) {
            return arr.elements();
        }
        throw new DataException(what + (json == null ? " is missing" : " should be an array, not " + Json.describe(json)));
    }
}
