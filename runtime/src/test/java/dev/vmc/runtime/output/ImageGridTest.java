package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    /** Three 2 x 3 images: a ramp, all white, all black. */
    private static final List<double[]> IMAGES = List.of(
            new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
            new double[] {1, 1, 1, 1, 1, 1},
            new double[] {0, 0, 0, 0, 0, 0});

    private static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    @Test
    void tilesSeparatorsAndGrayLevelsReadBackAsWritten() throws IOException {
        Path file = dir.resolve("digits.png");
        ImageGrid.write(file, IMAGES, ImageGrid.Layout.of(2, 3, 2), false);
        BufferedImage image = ImageIO.read(file.toFile());
        // 2 columns of 3 pixels and a separator; 2 rows of 2 pixels and a separator
        assertEquals(7, image.getWidth());
        assertEquals(5, image.getHeight());
        int[] ramp = {gray(image, 0, 0), gray(image, 1, 0), gray(image, 2, 0), gray(image, 0, 1), gray(image, 1, 1),
                gray(image, 2, 1)};
        assertArrayEquals(new int[] {0, 51, 102, 153, 204, 255}, ramp);
        for (int y = 0; y < 5; y++) {
            assertEquals(ImageGrid.SEPARATOR, gray(image, 3, y), "the column between tiles");
        }
        for (int x = 0; x < 7; x++) {
            assertEquals(ImageGrid.SEPARATOR, gray(image, x, 2), "the row between tiles");
        }
        assertEquals(255, gray(image, 4, 0), "the second image, white");
        assertEquals(0, gray(image, 2, 4), "the third image, black, on the second row");
        assertEquals(ImageGrid.SEPARATOR, gray(image, 4, 3), "no fourth image: its tile stays grey");
    }

    @Test
    void scaleMakesEachPixelASquareBlock() throws IOException {
        Path file = dir.resolve("big.png");
        ImageGrid.write(file, List.of(IMAGES.get(0)), ImageGrid.Layout.of(2, 3, 8).scaled(3), false);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(9, image.getWidth(), "one image: the grid is one column wide");
        assertEquals(6, image.getHeight());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 9; x++) {
                int expected = (int) Math.round(IMAGES.get(0)[(y / 3) * 3 + x / 3] * 255);
                assertEquals(expected, gray(image, x, y), "pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void theSameImagesGiveTheSameBytes() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        ImageGrid.write(a, IMAGES, ImageGrid.Layout.of(2, 3, 2).scaled(2), false);
        ImageGrid.write(b, IMAGES, ImageGrid.Layout.of(2, 3, 2).scaled(2), false);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws IOException {
        Path file = Files.writeString(dir.resolve("digits.png"), "not an image");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> ImageGrid.write(file, IMAGES, ImageGrid.Layout.of(2, 3, 3), false));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("not an image", Files.readString(file));
        ImageGrid.write(file, IMAGES, ImageGrid.Layout.of(2, 3, 3), true);
        assertEquals(11, ImageIO.read(file.toFile()).getWidth());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() {
        Path file = dir.resolve("bad.png");
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(file,
                List.of(IMAGES.get(0), new double[] {0, 0, 0, 0, 1.5, 0}), ImageGrid.Layout.of(2, 3, 2), false));
        assertEquals("image 2, pixel (row 2, column 2) is 1.5; gray levels go from 0 (black) to 1 (white)",
                outside.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.write(file, List.of(new double[5]), ImageGrid.Layout.of(2, 3, 2), false));
        assertEquals("image 1 has 5 values; a 2 x 3 image has 6", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.Layout.of(0, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(file, List.of(), ImageGrid.Layout.of(2, 3, 2),
                false));
        assertTrue(Files.notExists(file));
    }
}
