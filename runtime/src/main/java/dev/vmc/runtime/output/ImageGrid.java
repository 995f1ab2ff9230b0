package dev.vmc.runtime.output;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes grayscale images (digits, a VAE's reconstructions) side by side as one PNG: rows of
 * {@code columns} tiles, a 1-pixel grey line between tiles, each tile optionally scaled up by
 * a whole factor (each pixel a square block, no smoothing). A value v in [0, 1] is the gray
 * level round(255 v): 0 black, 1 white. Written through {@link AtomicFiles}, so a reader never
 * sees half an image, and an existing file is replaced only when asked. The same images give
 * the same bytes: the PNG carries no time stamp.
 */
public final class ImageGrid {
    /** The lines between tiles and the tiles after the last image: apart from both black and white. */
    static final int SEPARATOR = 128;

    private ImageGrid() {}

    /** How the tiles are laid out: each image {@code height x width}, {@code columns} a row, every pixel {@code scale} wide. */
    public record Layout(int height, int width, int columns, int scale) {
        public Layout {
            if (height < 1 || width < 1 || columns < 1 || scale < 1) {
                throw new IllegalArgumentException("an image grid needs a height, width, columns and scale of at least 1,"
                        + " got " + height + ", " + width + ", " + columns + " and " + scale);
            }
        }

        /** Images of {@code height x width}, {@code columns} a row, at their own size. */
        public static Layout of(int height, int width, int columns) {
            return new Layout(height, width, columns, 1);
        }

        public Layout scaled(int factor) {
            return new Layout(height, width, columns, factor);
        }
    }

    /**
     * Writes {@code images} (each row-major, {@code height * width} values in [0, 1]) to a PNG.
     *
     * @param overwrite whether an existing {@code file} may be replaced; without it one is an error
     * @throws FileAlreadyExistsException if {@code file} exists and {@code overwrite} is false
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException naming the image and pixel, for a value outside [0, 1] or
     *     an image of the wrong size; or for no images, or a grid too large for one PNG
     */
    public static void write(Path file, List<double[]> images, Layout layout, boolean overwrite) throws IOException {
        BufferedImage image = render(images, layout);
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "already exists; choose another name, or allow replacing it");
        }
        AtomicFiles.writeBytes(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": this Java has no PNG writer (javax.imageio)");
            }
        });
    }

    /** The grid as an 8-bit grayscale image. */
    static BufferedImage render(List<double[]> images, Layout layout) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("an image grid needs at least one image");
        }
        int columns = Math.min(layout.columns(), images.size());
        int rows = (images.size() + columns - 1) / columns;
        long tileHeight = (long) layout.height() * layout.scale();
        long tileWidth = (long) layout.width() * layout.scale();
        long fullWidth = columns * tileWidth + (columns - 1);
        long fullHeight = rows * tileHeight + (rows - 1);
        if (fullWidth > Integer.MAX_VALUE || fullHeight > Integer.MAX_VALUE || fullWidth * fullHeight > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an image grid of " + fullWidth + " x " + fullHeight + " pixels is too"
                    + " large for one PNG; show fewer images or a smaller scale");
        }
        BufferedImage grid = new BufferedImage((int) fullWidth, (int) fullHeight, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grid.getRaster();
        int[] fill = new int[(int) fullWidth];
        java.util.Arrays.fill(fill, SEPARATOR);
        for (int y = 0; y < fullHeight; y++) {
            raster.setSamples(0, y, fill.length, 1, 0, fill);
        }
        for (int i = 0; i < images.size(); i++) {
            int left = (int) ((i % columns) * (tileWidth + 1));
            int top = (int) ((i / columns) * (tileHeight + 1));
            drawTile(raster, images.get(i), i, layout, left, top);
        }
        return grid;
    }

    private static void drawTile(WritableRaster raster, double[] pixels, int index, Layout layout, int left, int top) {
        int height = layout.height();
        int width = layout.width();
        int scale = layout.scale();
        if (pixels.length != height * width) {
            throw new IllegalArgumentException("image " + (index + 1) + " has " + pixels.length + " values; a "
                    + height + " x " + width + " image has " + height * width);
        }
        int[] block = new int[scale * scale];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = pixels[r * width + c];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("image " + (index + 1) + ", pixel (row " + (r + 1) + ", column "
                            + (c + 1) + ") is " + v + "; gray levels go from 0 (black) to 1 (white)");
                }
                java.util.Arrays.fill(block, (int) Math.round(v * 255));
                raster.setSamples(left + c * scale, top + r * scale, scale, scale, 0, block);
            }
        }
    }
}
