package vn.edu.lms.content.library.extraction;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.jspecify.annotations.Nullable;

/**
 * Small PNG previews: the first page of a PDF, the first slide of a PPTX, the picture an ODF file
 * carries, or the image itself, at most {@code width} wide and four times that high. Runs in the
 * child, since rendering a hostile file is as risky as parsing it. Never fails: no thumbnail is an
 * acceptable answer.
 */
final class Thumbnails {

    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final String ODF = "application/vnd.oasis.opendocument.";
    private static final int MAX_ODF_THUMBNAIL_BYTES = 4 << 20;

    private final int width;
    private final int maxHeight;

    Thumbnails(int width) {
        this.width = width;
        this.maxHeight = 4 * width;
        // ImageIO would otherwise spill large images to temporary files.
        ImageIO.setUseCache(false);
    }

    /** A PNG for the types we can draw, or null. */
    byte @Nullable [] render(Path file, String mediaType) {
        try {
            BufferedImage image = draw(file, mediaType);
            if (image == null) {
                return null;
            }
            var png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (Exception | StackOverflowError e) {
            return null; // a damaged picture in an otherwise readable file: no thumbnail, the text stands
        }
    }

    private @Nullable BufferedImage draw(Path file, String mediaType) throws IOException {
        if (mediaType.equals("application/pdf")) {
            return pdf(file);
        }
        if (mediaType.equals(PPTX)) {
            return slide(file);
        }
        if (mediaType.startsWith(ODF)) {
            return odf(file);
        }
        return switch (mediaType) {
            case "image/png", "image/jpeg", "image/gif", "image/bmp", "image/x-ms-bmp" -> {
                try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    yield image(in);
                }
            }
            default -> null;
        };
    }

    private @Nullable BufferedImage pdf(Path file) throws IOException {
        // Streams cached in a temporary file, not the heap: only the rendered page needs memory.
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() == 0) {
                return null;
            }
            PDPage page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float pageWidth = turned ? box.getHeight() : box.getWidth();
            float pageHeight = turned ? box.getWidth() : box.getHeight();
            if (pageWidth <= 0 || pageHeight <= 0) {
                return null;
            }
            float scale = Math.min(width / pageWidth, maxHeight / pageHeight);
            return new PDFRenderer(document).renderImageWithDPI(0, 72 * scale, ImageType.RGB);
        }
    }

    private @Nullable BufferedImage slide(Path file) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException e) {
            return null;
        }
        try {
            // Not closed: closing would save the package; revert below releases it.
            var show = new XMLSlideShow(pkg);
            if (show.getSlides().isEmpty()) {
                return null;
            }
            Dimension size = show.getPageSize();
            if (size.width <= 0 || size.height <= 0) {
                return null;
            }
            double scale = Math.min((double) width / size.width, (double) maxHeight / size.height);
            var image = new BufferedImage(Math.max(1, (int) Math.round(size.width * scale)),
                Math.max(1, (int) Math.round(size.height * scale)), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = smooth(image.createGraphics());
            try {
                g.setPaint(Color.WHITE);
                g.fill(new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
                g.scale(scale, scale);
                show.getSlides().get(0).draw(g);
            } finally {
                g.dispose();
            }
            return image;
        } finally {
            pkg.revert();
        }
    }

    /** ODF files (odt, odp, ods) carry their own preview picture, drawn by the program that saved them. */
    private @Nullable BufferedImage odf(Path file) throws IOException {
        try (var zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("Thumbnails/thumbnail.png");
            if (entry == null) {
                return null;
            }
            byte[] png;
            try (InputStream in = zip.getInputStream(entry)) {
                png = in.readNBytes(MAX_ODF_THUMBNAIL_BYTES + 1);
            }
            if (png.length > MAX_ODF_THUMBNAIL_BYTES) {
                return null;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
                return image(in);
            }
        }
    }

    /**
     * Reads the size first and decodes only every n-th pixel of a large image, so that a picture that
     * claims 30000×30000 pixels costs the memory of its thumbnail, not gigabytes.
     */
    private @Nullable BufferedImage image(@Nullable ImageInputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            int sourceWidth = reader.getWidth(0);
            int sourceHeight = reader.getHeight(0);
            if (sourceWidth <= 0 || sourceHeight <= 0) {
                return null;
            }
            // Twice the target size is enough for a smooth scale down.
            int step = Math.max(1, Math.max(sourceWidth / (2 * width), sourceHeight / (2 * maxHeight)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return fit(reader.read(0, param));
        } finally {
            reader.dispose();
        }
    }

    /** Scales down to the box (never up: a small picture stays as sharp as it is). */
    private BufferedImage fit(BufferedImage source) {
        double scale = Math.min(1, Math.min((double) width / source.getWidth(), (double) maxHeight / source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image.createGraphics());
        try {
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Graphics2D smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
