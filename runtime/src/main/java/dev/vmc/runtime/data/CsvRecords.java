package dev.vmc.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into records of fields, remembering the line each record
 * starts on. Quoted fields may hold commas, doubled quotes and line breaks. Blank lines
 * are skipped, since editors and spreadsheet exports leave them at the end.
 */
final class CsvRecords {

    /** One row of the file; {@code line} is 1-based, for error messages. */
    record Record(int line, List<String> fields) {}

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private CsvRecords(String text, String source) {
        this.text = text;
        this.source = source;
    }

    static List<Record> split(String text, String source) {
        CsvRecords reader = new CsvRecords(text, source);
        if (text.startsWith("\uFEFF")) {
            reader.pos = 1; // byte-order mark written by some spreadsheet exports
        }
        List<Record> records = new ArrayList<>();
        while (reader.pos < text.length()) {
            Record record = reader.record();
            if (!isBlank(record)) {
                records.add(record);
            }
        }
        return records;
    }

    private static boolean isBlank(Record record) {
        return record.fields().size() == 1 && record.fields().get(0).isBlank();
    }

    private Record record() {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (pos >= text.length()) {
                return new Record(startLine, fields);
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
                continue;
            }
            endOfLine();
            return new Record(startLine, fields);
        }
    }

    private String field() {
        int start = pos;
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quotedField();
        }
        pos = start;
        while (pos < text.length() && !isFieldEnd(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private String quotedField() {
        int openLine = line;
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new DataException(source + ":" + openLine + ": unterminated quoted field");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    out.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            out.append(c);
        }
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos < text.length() && !isFieldEnd(text.charAt(pos))) {
            throw new DataException(source + ":" + line + ": unexpected text after a closing quote");
        }
        return out.toString();
    }

    private static boolean isFieldEnd(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /** Consumes "\n", "\r\n" or a lone "\r" (old Mac files). */
    private void endOfLine() {
        if (text.charAt(pos) == '\r') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
        } else {
            pos++;
        }
        line++;
    }
}
