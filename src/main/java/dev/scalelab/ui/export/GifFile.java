package dev.scalelab.ui.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An animated GIF written frame by frame with the standard {@code javax.imageio} GIF writer: each frame
 * shown for 1/fps of a second (in centiseconds, GIF's unit, spread so the total is exact), looping
 * forever (the NETSCAPE2.0 application extension), and a comment on the first frame saying what
 * produced it. The writer gives each frame its own 256-colour palette. Any one thread.
 */
final class GifFile implements Closeable {
    static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    private final ImageOutputStream stream;
    private final int fps;
    private final String comment;
    private int frames;
    private boolean streamClosed;

    GifFile(OutputStream out, int fps, String comment) throws IOException {
        if (fps < 1 || fps > 100) {
            throw new IllegalArgumentException("fps " + fps + " is out of range; 1 to 100");
        }
        this.fps = fps;
        this.comment = comment;
        this.stream = ImageIO.createImageOutputStream(out);
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** How long frame {@code k} is shown, in centiseconds: the running total stays at round(100 (k+1) / fps). */
    static int delayCentiseconds(int k, int fps) {
        return (int) (Math.round(100.0 * (k + 1) / fps) - Math.round(100.0 * k / fps));
    }

    int frames() {
        return frames;
    }

    void write(BufferedImage frame) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);

        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds(frames, fps)));
        control.setAttribute("transparentColorIndex", "0");

        if (frames == 0) {
            IIOMetadataNode comments = child(root, "CommentExtensions");
            IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
            text.setAttribute("value", comment);
            comments.appendChild(text);

            IIOMetadataNode applications = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {0x1, 0, 0}); // sub-block 1: loop count 0, forever
            applications.appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
        frames++;
    }

    /**
     * Writes the trailer and hands every byte to the stream underneath, which stays open for its owner
     * to commit (closing an image stream flushes its cache; it does not close the destination).
     */
    void finish() throws IOException {
        writer.endWriteSequence();
        streamClosed = true;
        stream.close();
    }

    @Override
    public void close() throws IOException {
        writer.dispose();
        if (!streamClosed) {
            streamClosed = true;
            stream.close();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
