package dev.vmc.compiler.check;

import java.util.Collection;
import java.util.Optional;

/** "did you mean ...?": the nearest known name by edit distance, if it is near enough to be a typo. */
final class Suggestions {
    private static final int MAX_TYPO_LENGTH = 64;

    private Suggestions() {}

    static Optional<String> nearest(String typed, Collection<String> known) {
        // The distance costs the product of the lengths: no typo is that long.
        if (typed.length() > MAX_TYPO_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.length() > MAX_TYPO_LENGTH) {
                continue;
            }
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Two edits for ordinary names, one for very short ones, where two would match anything.
        int allowed = Math.min(2, Math.max(1, typed.length() / 3));
        // Replacing every character is no typo: 'x' is not a misspelt 'y'.
        boolean typo = bestDistance <= allowed && bestDistance < typed.length();
        return typo ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, with a swap of neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
