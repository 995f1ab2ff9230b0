package dev.vmc.runtime.data;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The values a model's data block is filled from, by name and in the order they were
 * written. Knows nothing of declarations: it holds what the file or map said, and the
 * loader checks it against the model. Several files make one set by {@link #merge}; each
 * value remembers the file it came from ({@link #sourceOf}), so a message about it names
 * that file.
 */
public final class DataSet {
    /** Integers beyond this lose digits when held as doubles, as every value here is. */
    private static final long EXACT_INTEGER_LIMIT = 1L << 53;

    private final String source;
    private final Map<String, DataValue> values;
    private final Map<String, String> sources;

    DataSet(String source, Map<String, DataValue> values) {
        this.source = source;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, String> each = new LinkedHashMap<>();
        values.keySet().forEach(name -> each.put(name, source));
        this.sources = Collections.unmodifiableMap(each);
    }

    private DataSet(String source, Map<String, DataValue> values, Map<String, String> sources) {
        this.source = source;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public Optional<DataValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The names in file (or map iteration) order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The file the values came from, or "map" for {@link #of}; for a {@link #merge}, the files', joined by ", ". */
    public String source() {
        return source;
    }

    /** The file the named value came from ("map" for {@link #of}), or empty if there is no such value. */
    public Optional<String> sourceOf(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** How many files (or maps) the values came from: more than one after a {@link #merge} of several. */
    public int sourceCount() {
        return (int) sources.values().stream().distinct().count();
    }

    @Override
    public String toString() {
        return "DataSet" + names() + " from " + source;
    }

    /**
     * Reads a data file, choosing the format by extension. Every exception's message is
     * complete ("FILE: what is wrong"), ready to print as it is.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if the path is a directory or the file cannot be read (a
     *     {@link java.nio.file.FileSystemException} then names the path and the reason)
     * @throws DataException if the content is malformed, or the file type is unknown
     */
    public static DataSet read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return StanJsonReader.read(file);
        }
        if (name.endsWith(".csv")) {
            return CsvReader.read(file);
        }
        if (IdxReader.isIdxName(name)) {
            throw new DataException(file + ": an IDX file holds one array and no variable name; say which variable it"
                    + " fills: --data x=" + file + " on the command line, DataSet.array(\"x\", path) from Java");
        }
        throw new DataException(file + ": unknown data file type; supported are .json (Stan JSON, as CmdStan reads),"
                + " .csv (a header row of column names), and, as one named variable (--data x=FILE), IDX arrays (.idx,"
                + " MNIST's *-ubyte, either with .gz)");
    }

    /**
     * One array file as the value of the variable {@code name}: an IDX file (.idx or MNIST's
     * *-ubyte, plain or gzipped), whose shape is the one its header gives.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if the path is a directory or the file cannot be read
     * @throws DataException if the content is malformed, or the file is not an array file
     */
    public static DataSet array(String name, Path file) throws IOException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an array file needs a variable name");
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!IdxReader.isIdxName(fileName)) {
            String hint = fileName.endsWith(".json") || fileName.endsWith(".csv")
                    ? "; a " + fileName.substring(fileName.lastIndexOf('.')) + " file names its own variables: give it"
                            + " without " + name + "="
                    : "";
            throw new DataException(file + ": " + name + "=FILE takes one array file, IDX (.idx, or MNIST's *-ubyte,"
                    + " either with .gz)" + hint);
        }
        return new DataSet(file.toString(), Map.of(name, IdxReader.read(file)));
    }

    /**
     * The values of several sets as one, in the order given. A name in two of them is an
     * error naming both files: which one was meant cannot be guessed.
     *
     * @throws DataException naming the variable and the two files
     */
    public static DataSet merge(List<DataSet> sets) {
        if (sets.size() == 1) {
            return sets.get(0);
        }
        Map<String, DataValue> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (DataSet set : sets) {
            for (String name : set.names()) {
                String here = set.sources.get(name);
                String earlier = sources.putIfAbsent(name, here);
                if (earlier != null) {
                    throw new DataException("'" + name + "' is given twice, by " + earlier + " and by " + here
                            + "; give each variable in one data file only");
                }
                values.put(name, set.values.get(name));
            }
        }
        String source = sets.stream().map(DataSet::source).distinct().collect(Collectors.joining(", "));
        return new DataSet(source, values, sources);
    }

    /**
     * Data given from Java. Accepted values: Integer, Long, Short, Byte (int scalars); Double,
     * Float (real scalars); int[], long[], double[]; rectangular int[][], double[][] and
     * deeper arrays; nested Lists of Numbers; and DataValue itself.
     *
     * @throws IllegalArgumentException naming the key, for a value of another type or a
     *     ragged array
     */
    public static DataSet of(Map<String, ?> map) {
        Map<String, DataValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw new IllegalArgumentException("data names must not be null");
            }
            values.put(name, fromJava(name, entry.getValue()));
        }
        return new DataSet("map", values);
    }

    private static DataValue fromJava(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("data '" + name + "' is null");
        }
        if (value instanceof DataValue given) {
            return given;
        }
        if (!(value instanceof Number || value instanceof List<?> || value.getClass().isArray())) {
            throw new IllegalArgumentException("data '" + name + "' has unsupported type " + value.getClass().getName()
                    + "; use a number, int[], long[], double[], int[][], double[][], a nested List of numbers,"
                    + " or a DataValue");
        }
        NestedArrays.Tree<Object> tree = new NestedArrays.Tree<>() {
            @Override
            public List<?> elementsOrNull(Object node) {
                if (node instanceof List<?> list) {
                    return list;
                }
                return node != null && node.getClass().isArray() ? arrayAsList(node) : null;
            }

            @Override
            public NestedArrays.Element leaf(Object node, Supplier<String> where) {
                return number(name, node, where);
            }
        };
        return NestedArrays.toDataValue(name, value, tree, IllegalArgumentException::new);
    }

    /** Any Java array, primitive or not, as a list: one code path for int[][] and List<List<Integer>>. */
    private static List<Object> arrayAsList(Object array) {
        int length = Array.getLength(array);
        List<Object> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(Array.get(array, i));
        }
        return out;
    }

    private static NestedArrays.Element number(String name, Object node, Supplier<String> place) {
        if (node instanceof Integer || node instanceof Short || node instanceof Byte) {
            return new NestedArrays.Element(((Number) node).intValue(), true);
        }
        if (node instanceof Long || node instanceof BigInteger) {
            Number n = (Number) node;
            if (n instanceof BigInteger big ? big.abs().compareTo(BigInteger.valueOf(EXACT_INTEGER_LIMIT)) > 0
                    : n.longValue() > EXACT_INTEGER_LIMIT || n.longValue() < -EXACT_INTEGER_LIMIT) {
                throw new IllegalArgumentException("data '" + name + "': " + place.get() + " = " + n
                        + " is too large to hold exactly (limit 2^53)");
            }
            return new NestedArrays.Element(n.doubleValue(), true);
        }
        if (node instanceof Double || node instanceof Float || node instanceof BigDecimal) {
            return new NestedArrays.Element(((Number) node).doubleValue(), false);
        }
        String type = node == null ? "null" : "a " + node.getClass().getName();
        String where = place.get();
        String subject = where.equals(name) ? "data '" + name + "' is " : "data '" + name + "': " + where + " is ";
        throw new IllegalArgumentException(subject + type + "; numbers must be Integer, Long, Short, Byte, Double"
                + " or Float");
    }
}
