package dev.scalelab.ui.lesson;

import dev.scalelab.ui.Panel;
import dev.scalelab.ui.parameters.ParameterForm;
import javafx.fxml.FXML;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a lesson's highlighted element is on screen now, in scene coordinates, or null when it is
 * not on screen (hidden, scrolled away, on another panel, or unknown). The names are those of
 * {@link dev.scalelab.lesson.Highlight}:
 * <ul>
 *   <li>{@code #fxId}: a node of the panel's view, its charts or its parameters, then of the window,
 *       by id; failing that, the panel's {@code @FXML} field of that name (a node whose FXML gives it
 *       another CSS id);</li>
 *   <li>{@code log}: the decision log; {@code parameters}: the parameter pane on the right;</li>
 *   <li>{@code param:PATH}: the parameter row of that path (rows carry {@link ParameterForm#PATH_PROPERTY});</li>
 *   <li>anything else: {@link Panel#highlightBounds}, for what a panel draws itself.</li>
 * </ul>
 * A node inside a scroll pane is cut to the part of the viewport it shows. FX thread only.
 */
public final class HighlightResolver {

    private HighlightResolver() {
    }

    /**
     * @param element    the highlight's element name
     * @param panel      the panel on screen
     * @param windowRoot the window's root, for the log, the parameter pane and ids outside the panel
     */
    public static Bounds resolve(String element, Panel panel, Parent windowRoot) {
        if (element == null || element.isEmpty()) {
            return null;
        }
        if (!namesNode(element)) {
            return panel == null ? null : panel.highlightBounds(element);
        }
        Node node = node(element, panel, windowRoot);
        return node == null ? null : visibleBounds(node);
    }

    /** Whether {@code element} names a node ({@code #fxId}, {@code log}, {@code parameters}, {@code param:PATH}) rather than a drawing. */
    static boolean namesNode(String element) {
        return element.startsWith("#") || element.equals("log") || element.equals("parameters") || element.startsWith("param:");
    }

    /** The node {@code element} names, or null when it names a drawing of the panel or no node has it. */
    static Node node(String element, Panel panel, Parent windowRoot) {
        if (element.startsWith("#")) {
            return byId(element.substring(1), panel, windowRoot);
        } else if (element.equals("log")) {
            return lookup(windowRoot, "#logList");
        } else if (element.equals("parameters")) {
            return lookup(windowRoot, "#parameterHost");
        } else if (element.startsWith("param:")) {
            return parameterRow(element.substring("param:".length()), panel, windowRoot);
        }
        return null;
    }

    /**
     * Scrolls the scroll panes around {@code node} so that it is in view (centred where it fits), as a
     * step that outlines a parameter row further down the pane must. Returns whether it scrolled.
     */
    static boolean reveal(Node node) {
        boolean scrolled = false;
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (!(n instanceof ScrollPane scroll) || scroll.getContent() == null) {
                continue;
            }
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double contentHeight = content.getLayoutBounds().getHeight();
            double viewHeight = scroll.getViewportBounds().getHeight();
            if (inContent == null || contentHeight <= viewHeight || viewHeight <= 0) {
                continue;
            }
            double top = inContent.getMinY() - Math.max(0, (viewHeight - inContent.getHeight()) / 2);
            double fraction = Math.max(0, Math.min(1, top / (contentHeight - viewHeight)));
            scroll.setVvalue(scroll.getVmin() + fraction * (scroll.getVmax() - scroll.getVmin()));
            scrolled = true;
        }
        return scrolled;
    }

    private static Node byId(String id, Panel panel, Parent windowRoot) {
        List<Node> roots = new ArrayList<>();
        if (panel != null) {
            roots.add(panel.view());
            roots.add(panel.charts());
            roots.add(panel.parameters());
        }
        roots.add(windowRoot);
        for (Node root : roots) {
            Node found = lookup(root, "#" + id);
            if (found != null) {
                return found;
            }
        }
        return panel == null ? null : injectedField(panel.unwrapped(), id);
    }

    private static Node lookup(Node root, String selector) {
        return root == null ? null : root.lookup(selector);
    }

    /** The panel's {@code @FXML} field named {@code name}: FXML gives a node with both fx:id and id only the id. */
    private static Node injectedField(Panel panel, String name) {
        for (Class<?> type = panel.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                if (field.isAnnotationPresent(FXML.class) && Node.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return (Node) field.get(panel);
                }
            } catch (NoSuchFieldException e) {
                // not declared here: try the superclass
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The parameter row for {@code path}, in the panel's own parameters or the window's general ones. */
    static Node parameterRow(String path, Panel panel, Parent windowRoot) {
        Node found = null;
        if (panel != null && panel.parameters() != null) {
            found = findRow(panel.parameters(), path);
        }
        if (found == null) {
            found = findRow(lookup(windowRoot, "#parameterHost"), path);
        }
        return found;
    }

    private static Node findRow(Node node, String path) {
        if (node == null) {
            return null;
        }
        Object mark = node.getProperties().get(ParameterForm.PATH_PROPERTY);
        if (mark != null && (mark.equals(path) || (mark instanceof Collection<?> paths && paths.contains(path)))) {
            return node;
        }
        if (node instanceof ScrollPane scroll) {
            return findRow(scroll.getContent(), path);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = findRow(child, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * {@code node}'s bounds in the scene, cut to the viewports of the scroll panes around it; null when
     * it or a parent is hidden, it is not in a scene, or nothing of it is in view.
     */
    static Bounds visibleBounds(Node node) {
        if (node.getScene() == null) {
            return null;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return null;
            }
        }
        // Layout bounds: the node itself, not the glow of its focus ring or shadow.
        Bounds b = node.localToScene(node.getLayoutBounds());
        for (Node n = node.getParent(); n != null && b != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                Node viewport = scroll.lookup(".viewport");
                if (viewport != null) {
                    b = intersect(b, viewport.localToScene(viewport.getLayoutBounds()));
                }
            }
        }
        return b;
    }

    /** The overlap of two rectangles, or null when they do not overlap. */
    static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        if (maxX - minX < 1 || maxY - minY < 1) {
            return null;
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * For a panel's {@link Panel#highlightBounds}: {@code local} (in {@code node}'s coordinates) in the
     * scene, cut to what of {@code node} is visible; null when {@code local} is null or nothing shows.
     */
    public static Bounds inScene(Node node, Bounds local) {
        if (local == null || local.getWidth() <= 0 || local.getHeight() <= 0) {
            return null;
        }
        Bounds whole = visibleBounds(node);
        if (whole == null) {
            return null;
        }
        return intersect(node.localToScene(local), whole);
    }

    /**
     * For a panel that draws the instance pool: {@code pool} is the whole pool picture,
     * {@code instance:i-3} that instance's tile (its bounds in {@code view} from {@code tileBounds}).
     */
    public static Bounds ofPool(Node view, java.util.function.Function<String, Bounds> tileBounds, String element) {
        if (element.equals("pool")) {
            return ofNode(view);
        }
        if (element.startsWith("instance:")) {
            return inScene(view, tileBounds.apply(element.substring("instance:".length())));
        }
        return null;
    }

    /** For a panel's {@link Panel#highlightBounds}: the whole of {@code node} as on screen, or null. */
    public static Bounds ofNode(Node node) {
        return node == null ? null : visibleBounds(node);
    }
}
