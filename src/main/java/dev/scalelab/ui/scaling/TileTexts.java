package dev.scalelab.ui.scaling;

import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.world.Snapshot.InstanceView;

/** The texts a Scaling tile prints, made once rather than every frame: percent labels by whole percent, size labels by size. */
final class TileTexts {
    static final String[] CPU_PERCENT = percentLabels("", " % CPU");
    static final String[] PERCENT = percentLabels("", "%");
    static final String[] PROVISIONING_PERCENT = percentLabels("provisioning ", " %");
    static final String[] BOOTING_PERCENT = percentLabels("booting ", " %");
    static final String[] WARMUP_PERCENT = percentLabels("warm-up ", " %");
    static final String[] SPEED_PERCENT = percentLabels("", " % speed");

    private static final String[][] SIZE_LABELS = sizeLabels();

    private TileTexts() {
    }

    /** "medium · 2 vCPU". */
    static String size(InstanceView in) {
        for (String[] entry : SIZE_LABELS) {
            if (entry[0].equals(in.size())) {
                return entry[1];
            }
        }
        return in.size() + " · " + in.vcpus() + " vCPU";
    }

    private static String[][] sizeLabels() {
        InstanceSize[] sizes = InstanceSize.values();
        String[][] labels = new String[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            labels[i] = new String[] {sizes[i].id(), sizes[i].id() + " · " + sizes[i].vcpus() + " vCPU"};
        }
        return labels;
    }

    private static String[] percentLabels(String prefix, String suffix) {
        String[] labels = new String[101];
        for (int i = 0; i <= 100; i++) {
            labels[i] = prefix + i + suffix;
        }
        return labels;
    }
}
