package vn.edu.lms.content.library.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The limits the server passes to a child on its command line (the child has no Spring to bind properties). */
record ChildSettings(int maxTextChars, int maxEmbeddedDepth, int maxEmbeddedResources, int thumbnailWidth) {

    static ChildSettings of(ExtractionProperties properties) {
        return new ChildSettings(properties.maxTextChars(), properties.maxEmbeddedDepth(),
            properties.maxEmbeddedResources(), properties.thumbnailWidth());
    }

    List<String> toArguments() {
        return new ArrayList<>(List.of("maxTextChars=" + maxTextChars, "maxEmbeddedDepth=" + maxEmbeddedDepth,
            "maxEmbeddedResources=" + maxEmbeddedResources, "thumbnailWidth=" + thumbnailWidth));
    }

    static ChildSettings parse(String[] arguments) {
        Map<String, Integer> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals > 0) {
                values.put(argument.substring(0, equals), Integer.valueOf(argument.substring(equals + 1)));
            }
        }
        return new ChildSettings(values.getOrDefault("maxTextChars", 2_000_000), values.getOrDefault("maxEmbeddedDepth", 3),
            values.getOrDefault("maxEmbeddedResources", 100), values.getOrDefault("thumbnailWidth", 320));
    }
}
