package dev.vmc.runtime.infer;

import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Guide;

/** The guide a fit uses: an automatic Gaussian (its family given, or chosen from the start), or one written out. */
public sealed interface GuideChoice {
    /** @param family the family, or null to choose it from what the start shows */
    record Automatic(GaussianGuide.Family family) implements GuideChoice {}

    record Written(Guide guide) implements GuideChoice {}

    static GuideChoice automatic() {
        return new Automatic(null);
    }

    static GuideChoice automatic(GaussianGuide.Family family) {
        return new Automatic(family);
    }

    /** A written guide; a {@link GaussianGuide} object stands for its automatic family. */
    static GuideChoice of(Guide guide) {
        return guide instanceof GaussianGuide g ? new Automatic(familyOf(g)) : new Written(guide);
    }

    private static GaussianGuide.Family familyOf(GaussianGuide g) {
        return GaussianGuide.Family.of(g.name());
    }
}
