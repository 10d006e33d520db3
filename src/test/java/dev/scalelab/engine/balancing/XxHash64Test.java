package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reference values printed by the C library (libxxhash 0.8.1, XXH64) for the same bytes and seeds. */
class XxHash64Test {

    @Test
    void matchesTheReferenceImplementationForShortAndLongInputs() {
        assertEquals(0xef46db3751d8e999L, XxHash64.hash("", 0));
        assertEquals(0xd5afba1336a3be4bL, XxHash64.hash("", 1));
        assertEquals(0xd24ec4f1a98c6e5bL, XxHash64.hash("a", 0));
        assertEquals(0x44bc2cf5ad770999L, XxHash64.hash("abc", 0));
        assertEquals(0xbea9ca8199328908L, XxHash64.hash("abc", 1));
        assertEquals(0xf7def874a6e0b316L, XxHash64.hash("i-0_0", 0));
        assertEquals(0x9fc32048ab536cc9L, XxHash64.hash("i-3", 1));
        assertEquals(0x654f6a2b39e4d8c1L, XxHash64.hash("0123456789abcdef0123456789abcdefXYZ", 0));
        assertEquals(0xedd601a3ec98503fL,
                XxHash64.hash("hello world, this is a longer string of 40+ bytes!!", 1));
    }
}
