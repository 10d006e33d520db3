package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadmeTest {

    /** The timeline's message for a path that cannot be set sends people to the README's list. */
    @Test
    void theReadmeListsEveryLiveParameter() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> missing = Parameter.all().stream().map(Parameter::path)
                .filter(path -> !readme.contains("`" + path + "`")).toList();
        assertEquals(List.of(), missing);
    }
}
