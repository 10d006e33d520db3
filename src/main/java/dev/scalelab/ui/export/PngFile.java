package dev.scalelab.ui.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a PNG with text chunks (who made it, of what, and the scenario that reproduces it) through
 * the standard {@code javax.imageio} writer, atomically.
 */
final class PngFile {
    static final String FORMAT = "javax_imageio_png_1.0";

    private PngFile() {
    }

    /**
     * Writes {@code image} to {@code file} with one text chunk per entry of {@code text}: tEXt, or
     * iTXt (UTF-8) for a text that Latin-1, tEXt's only encoding, cannot hold.
     */
    static void write(BufferedImage image, Map<String, String> text, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (dev.scalelab.world.AtomicFiles.Pending output = dev.scalelab.world.AtomicFiles.open(file)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            addText(metadata, text);
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(output.stream())) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            output.commit();
        } finally {
            writer.dispose();
        }
    }

    private static void addText(IIOMetadata metadata, Map<String, String> text) throws IIOInvalidTreeException {
        IIOMetadataNode latin = new IIOMetadataNode("tEXt");
        IIOMetadataNode international = new IIOMetadataNode("iTXt");
        for (Map.Entry<String, String> e : text.entrySet()) {
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(e.getValue())) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("value", e.getValue());
                latin.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", e.getValue());
                international.appendChild(entry);
            }
        }
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        if (latin.getLength() > 0) {
            root.appendChild(latin);
        }
        if (international.getLength() > 0) {
            root.appendChild(international);
        }
        metadata.mergeTree(FORMAT, root);
    }
}
