package dev.vmc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file's bytes: the header for {@code type} and {@code dims}, then {@code body} as given. */
    static byte[] idx(int type, int[] dims, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + body.length);
        out.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            out.putInt(d);
        }
        return out.put(body).array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String error(String name, byte[] bytes) throws IOException {
        Path file = file(name, bytes);
        String message = assertThrows(DataException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        return message;
    }

    @Test
    void unsignedBytesKeepTheHeadersShapeAndAreIntegers() throws IOException {
        byte[] body = {0, 1, (byte) 255, (byte) 128, 7, 9};
        DataValue v = IdxReader.read(file("x.idx", idx(0x08, new int[] {3, 1, 2}, body)));
        assertArrayEquals(new int[] {3, 1, 2}, v.shape());
        assertArrayEquals(new double[] {0, 1, 255, 128, 7, 9}, v.values());
        assertTrue(v.integer());
    }

    @Test
    void gzipIsRecognisedByItsBytesNotTheName() throws IOException {
        byte[] plain = idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
        DataValue named = IdxReader.read(file("a-ubyte.gz", gzip(plain)));
        DataValue unnamed = IdxReader.read(file("b-ubyte", gzip(plain)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, named.values());
        assertArrayEquals(named.values(), unnamed.values());
    }

    @Test
    void everyTypeIsReadBigEndian() throws IOException {
        assertArrayEquals(new double[] {-1, 127, -128},
                IdxReader.read(file("s.idx", idx(0x09, new int[] {3}, new byte[] {-1, 127, -128}))).values());
        ByteBuffer shorts = ByteBuffer.allocate(4).putShort((short) -2).putShort((short) 300);
        assertArrayEquals(new double[] {-2, 300}, IdxReader.read(file("h.idx", idx(0x0B, new int[] {2}, shorts.array()))).values());
        ByteBuffer ints = ByteBuffer.allocate(8).putInt(-70000).putInt(Integer.MAX_VALUE);
        assertArrayEquals(new double[] {-70000, Integer.MAX_VALUE},
                IdxReader.read(file("i.idx", idx(0x0C, new int[] {2}, ints.array()))).values());
        ByteBuffer floats = ByteBuffer.allocate(8).putFloat(0.5f).putFloat(-1.25f);
        DataValue f = IdxReader.read(file("f.idx", idx(0x0D, new int[] {1, 2}, floats.array())));
        assertArrayEquals(new double[] {0.5, -1.25}, f.values());
        assertFalse(f.integer());
        ByteBuffer doubles = ByteBuffer.allocate(16).putDouble(Math.PI).putDouble(-1e300);
        DataValue d = IdxReader.read(file("d.idx", idx(0x0E, new int[] {2}, doubles.array())));
        assertArrayEquals(new double[] {Math.PI, -1e300}, d.values());
        assertFalse(d.integer());
    }

    @Test
    void aFileLargerThanOneReadBlockIsReadWhole() throws IOException {
        int n = 3 * (1 << 16) + 5;
        byte[] body = new byte[n * 4];
        ByteBuffer b = ByteBuffer.wrap(body);
        for (int i = 0; i < n; i++) {
            b.putInt(i - 1000);
        }
        DataValue v = IdxReader.read(file("big.idx.gz", gzip(idx(0x0C, new int[] {n}, body))));
        assertEquals(n, v.size());
        assertEquals(-1000, v.values()[0]);
        assertEquals(n - 1001, v.values()[n - 1]);
    }

    @Test
    void aBadMagicSaysWhatAnIdxFileStartsWith() throws IOException {
        assertTrue(error("x.idx", "P5\n28 28\n".getBytes()).contains("not an IDX file: it starts with the bytes 0x50 0x35"));
        assertTrue(error("t.idx", idx(0x0A, new int[] {1}, new byte[] {0})).contains("unknown IDX type byte 0x0A"));
        assertTrue(error("z.idx", idx(0x08, new int[0], new byte[0])).contains("0 dimensions"));
        assertTrue(error("e.idx", new byte[0]).contains("the file is empty"));
    }

    @Test
    void aTruncatedFileSaysHowManyBytesThereAreAndWereNeeded() throws IOException {
        byte[] whole = idx(0x08, new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, 6});
        String plain = error("cut.idx", Arrays.copyOf(whole, whole.length - 2));
        assertTrue(plain.contains("the file is cut short: the IDX header's dimensions 2 x 3 need 6 unsigned byte values"
                + " (6 bytes), and the file has 4 bytes of values"), plain);
        String zipped = error("cut-ubyte.gz", gzip(Arrays.copyOf(whole, whole.length - 2)));
        assertTrue(zipped.contains("the file is cut short"), zipped);
        String header = error("h.idx", Arrays.copyOf(whole, 9));
        assertTrue(header.contains("ends inside the IDX header: it declares 2 dimensions"), header);
    }

    @Test
    void bytesAfterTheValuesAreAnError() throws IOException {
        byte[] longer = idx(0x08, new int[] {2}, new byte[] {1, 2, 3});
        assertTrue(error("long.idx", longer).contains("the file is longer than its header says"));
        String zipped = error("long-ubyte.gz", gzip(longer));
        assertTrue(zipped.contains("1 byte(s) after the 2 values the IDX header's dimensions 2 promise"), zipped);
    }

    @Test
    void headerSizesBeyondAnArrayAreRefusedBeforeAllocating() throws IOException {
        String message = error("huge-ubyte.gz", gzip(idx(0x08, new int[] {65536, 65536}, new byte[0])));
        assertTrue(message.contains("more values than vmc can hold in one variable"), message);
        String negative = error("neg.idx", idx(0x08, new int[] {-1}, new byte[0]));
        assertTrue(negative.contains("dimension 1 is 4294967295"), negative);
    }

    @Test
    void brokenGzipIsNamedAsSuch() throws IOException {
        byte[] zipped = gzip(idx(0x08, new int[] {1000}, new byte[1000]));
        String message = error("broken-ubyte.gz", Arrays.copyOf(zipped, zipped.length / 2));
        assertTrue(message.contains("gzip") || message.contains("cut short"), message);
        byte[] garbled = zipped.clone();
        for (int i = 10; i < garbled.length - 8; i++) { // from the first deflate block header on
            garbled[i] = (byte) 0xFF;
        }
        String broken = error("garbled-ubyte.gz", garbled);
        assertTrue(broken.contains("the gzip compression is broken"), broken);
    }

    @Test
    void idxNamesAreRecognised() {
        assertTrue(IdxReader.isIdxName("train-images-idx3-ubyte.gz"));
        assertTrue(IdxReader.isIdxName("train-labels-idx1-ubyte"));
        assertTrue(IdxReader.isIdxName("x.IDX"));
        assertTrue(IdxReader.isIdxName("x.idx.gz"));
        assertFalse(IdxReader.isIdxName("data.json"));
        assertFalse(IdxReader.isIdxName("data.csv.gz"));
    }
}
