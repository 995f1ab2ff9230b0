package dev.vmc.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one array in the IDX format MNIST is shipped in, plain or gzipped (recognised by
 * gzip's own first two bytes, so the name need not say). The header is two zero bytes, a
 * type byte, the number of dimensions, then each dimension as a big-endian 32-bit count;
 * the values follow, big-endian, row-major. The header gives the size, so the values go
 * straight into the one array returned: the file is streamed, never held as bytes too.
 */
public final class IdxReader {
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int BLOCK = 1 << 16;

    /** The element types IDX defines, by type byte. */
    private enum Type {
        UNSIGNED_BYTE(0x08, 1, true, "unsigned byte"),
        SIGNED_BYTE(0x09, 1, true, "signed byte"),
        SHORT(0x0B, 2, true, "16-bit integer"),
        INT(0x0C, 4, true, "32-bit integer"),
        FLOAT(0x0D, 4, false, "32-bit float"),
        DOUBLE(0x0E, 8, false, "64-bit float");

        final int code;
        final int bytes;
        final boolean integer;
        final String description;

        Type(int code, int bytes, boolean integer, String description) {
            this.code = code;
            this.bytes = bytes;
            this.integer = integer;
            this.description = description;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        double get(ByteBuffer in) {
            return switch (this) {
                case UNSIGNED_BYTE -> in.get() & 0xFF;
                case SIGNED_BYTE -> in.get();
                case SHORT -> in.getShort();
                case INT -> in.getInt();
                case FLOAT -> in.getFloat();
                case DOUBLE -> in.getDouble();
            };
        }
    }

    private IdxReader() {}

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException naming the file and what is wrong: not IDX, an unknown type, a
     *     size too large, the values cut short, bytes after them, or broken gzip
     */
    public static DataValue read(Path file) throws IOException {
        String source = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BLOCK)) {
            boolean gzip = startsWithGzipMagic(raw);
            try (InputStream in = gzip ? new GZIPInputStream(raw, BLOCK) : raw) {
                return read(in, source, gzip ? -1 : Files.size(file));
            } catch (ZipException | EOFException e) {
                // GZIPInputStream's own words ("Unexpected end of ZLIB input stream", "invalid stored block lengths")
                throw new DataException(source + ": the gzip compression is broken (" + e.getMessage()
                        + "); the file is damaged or was cut short: copy or download it again", e);
            }
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first >= 0 && second >= 0 && ((first << 8) | second) == GZIP_MAGIC;
    }

    /** @param fileSize the file's size when it is not compressed, checked against the header before allocating; -1 if unknown */
    private static DataValue read(InputStream in, String source, long fileSize) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new DataException(source + ": " + (got == 0 ? "the file is empty" : "the file ends after " + got
                    + " byte(s)") + "; an IDX file starts with 4 bytes: 0, 0, the type and the number of dimensions");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataException(String.format("%s: not an IDX file: it starts with the bytes 0x%02X 0x%02X, and an"
                    + " IDX file starts with two zero bytes (then the type and the number of dimensions)",
                    source, magic[0] & 0xFF, magic[1] & 0xFF));
        }
        Type type = Type.of(magic[2] & 0xFF);
        if (type == null) {
            throw new DataException(String.format("%s: unknown IDX type byte 0x%02X; IDX types are 0x08 (unsigned byte),"
                    + " 0x09 (signed byte), 0x0B (short), 0x0C (int), 0x0D (float) and 0x0E (double)",
                    source, magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new DataException(source + ": the IDX header says 0 dimensions; an array needs at least one");
        }
        int[] shape = dimensions(in, source, rank);
        long count = 1;
        for (int d : shape) {
            count *= d; // at most 255 factors below 2^31 could overflow a long: stop once past the limit
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataException(source + ": the IDX header's dimensions " + describe(shape) + " make more values"
                        + " than vmc can hold in one variable (2^31 - 9)");
            }
        }
        long expected = 4L + 4L * rank + count * type.bytes;
        if (fileSize >= 0 && fileSize != expected) {
            throw sizeMismatch(source, shape, type, count, fileSize - 4L - 4L * rank);
        }
        // a compressed file's size says nothing of the header's: a damaged header must not claim the heap
        long heap = Runtime.getRuntime().maxMemory();
        if (count * Double.BYTES > heap) {
            throw new DataException(source + ": the IDX header's dimensions " + describe(shape) + " make " + count
                    + " values, " + (count * Double.BYTES >> 20) + " MB as doubles, more than the JVM's heap ("
                    + (heap >> 20) + " MB); if the header is right, raise the heap (-Xmx, or VMC_JAVA_OPTS for bin/vmc)");
        }
        double[] values = new double[(int) count];
        readValues(in, source, shape, type, values);
        long extra = remaining(in);
        if (extra > 0) {
            throw new DataException(source + ": " + extra + " byte(s) after the " + count + " values the IDX header's"
                    + " dimensions " + describe(shape) + " promise; the header or the file is wrong");
        }
        return new DataValue(shape, values, type.integer);
    }

    /** Counts what is left, by reading it: a stream's skip need not say how far it went. */
    private static long remaining(InputStream in) throws IOException {
        byte[] scratch = new byte[BLOCK];
        long total = 0;
        for (int n; (n = in.read(scratch)) > 0; ) {
            total += n;
        }
        return total;
    }

    private static int[] dimensions(InputStream in, String source, int rank) throws IOException {
        byte[] bytes = new byte[4 * rank];
        int got = in.readNBytes(bytes, 0, bytes.length);
        if (got < bytes.length) {
            throw new DataException(source + ": the file ends inside the IDX header: it declares " + rank
                    + " dimensions (4 bytes each), and only " + got + " bytes of them are there");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            int d = header.getInt();
            if (d < 0) {
                throw new DataException(source + ": IDX dimension " + (i + 1) + " is " + Integer.toUnsignedString(d)
                        + ", more than vmc can hold (2^31 - 1)");
            }
            shape[i] = d;
        }
        return shape;
    }

    /** Fills {@code values} block by block; a short read is the file cut off. */
    private static void readValues(InputStream in, String source, int[] shape, Type type, double[] values)
            throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK); // big-endian, as IDX is
        int filled = 0;
        while (filled < values.length) {
            int want = (int) Math.min(BLOCK, (long) (values.length - filled) * type.bytes);
            int got = in.readNBytes(block.array(), 0, want);
            if (got < want) {
                long present = (long) filled + got / type.bytes;
                throw sizeMismatch(source, shape, type, values.length, present * type.bytes + got % type.bytes);
            }
            block.clear().limit(want);
            while (block.hasRemaining()) {
                values[filled++] = type.get(block);
            }
        }
    }

    private static DataException sizeMismatch(String source, int[] shape, Type type, long count, long valueBytes) {
        long needed = count * type.bytes;
        String what = valueBytes < needed ? "the file is cut short: " : "the file is longer than its header says: ";
        return new DataException(source + ": " + what + "the IDX header's dimensions " + describe(shape) + " need "
                + count + " " + type.description + " values (" + needed + " bytes), and the file has " + valueBytes
                + " bytes of values; the header or the file is wrong");
    }

    /** "10000 x 28 x 28". */
    static String describe(int[] shape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : " x ").append(shape[i]);
        }
        return out.toString();
    }

    /**
     * Whether a file's name says IDX: {@code .idx}, or MNIST's {@code -ubyte} ({@code
     * train-images-idx3-ubyte}), either with {@code .gz}.
     */
    public static boolean isIdxName(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".idx") || name.endsWith("-ubyte") || name.endsWith(".ubyte");
    }
}
