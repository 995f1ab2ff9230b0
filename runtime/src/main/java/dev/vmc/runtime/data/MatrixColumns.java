package dev.vmc.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers CSV columns named the way Stan and R name matrix columns ({@code X.1, X.2, X.3})
 * into one matrix {@code X} of shape [rows, 3], so a design matrix can live in a table.
 * Planned from the header alone, so that each row's numbers go straight to their place.
 */
final class MatrixColumns {
    /** An identifier, a dot, and a 1-based index without leading zeros. */
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.([1-9][0-9]{0,8})");

    /** One variable of the table: a vector (width 0) or a matrix with {@code width} columns. */
    record Variable(String name, int width) {
        int valuesPerRow() {
            return Math.max(width, 1);
        }
    }

    /**
     * The table's variables in header order, each X.k group in place of its first column, and
     * where each column's value goes: {@code variable[c]} and {@code offset[c]} within its row.
     */
    record Layout(List<Variable> variables, int[] variable, int[] offset) {}

    private MatrixColumns() {}

    static boolean gathersInto(List<String> names, String base) {
        return names.stream().anyMatch(n -> base.equals(baseOf(n)));
    }

    /** @param where "file:line" of the header, for errors about a group as a whole */
    static Layout plan(List<String> names, String where) {
        Map<String, TreeMap<Integer, Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String base = baseOf(names.get(c));
            if (base != null) {
                groups.computeIfAbsent(base, b -> new TreeMap<>()).put(indexOf(names.get(c)), c);
            }
        }
        List<Variable> variables = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int[] variable = new int[names.size()];
        int[] offset = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            String base = baseOf(name);
            if (base == null) {
                if (groups.containsKey(name)) {
                    throw new DataException(where + ": column '" + name + "' clashes with the columns " + name + ".1, "
                            + name + ".2, ..., which are gathered into a matrix named " + name);
                }
                variable[c] = variables.size();
                variables.add(new Variable(name, 0));
                continue;
            }
            if (!numbers.containsKey(base)) {
                numbers.put(base, variables.size());
                variables.add(new Variable(base, width(base, groups.get(base), where)));
            }
            variable[c] = numbers.get(base);
            offset[c] = indexOf(name) - 1;
        }
        return new Layout(variables, variable, offset);
    }

    private static int width(String base, TreeMap<Integer, Integer> byIndex, String where) {
        int width = byIndex.lastKey();
        for (int k = 1; k <= width; k++) {
            if (!byIndex.containsKey(k)) {
                throw new DataException(where + ": there is a column " + base + "." + width + " but no column "
                        + base + "." + k + "; columns " + base + ".1 to " + base + "." + width
                        + " are gathered into a matrix and must all be present");
            }
        }
        return width;
    }

    private static String baseOf(String name) {
        Matcher m = INDEXED.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    private static int indexOf(String name) {
        Matcher m = INDEXED.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException(name);
        }
        return Integer.parseInt(m.group(2));
    }
}
