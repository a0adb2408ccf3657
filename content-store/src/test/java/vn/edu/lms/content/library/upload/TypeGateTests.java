package vn.edu.lms.content.library.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;

class TypeGateTests {

    @Test
    void sniffingTypesLeavesPoisZipBombGuardOnForTheRestOfTheServer() {
        double before = ZipSecureFile.getMinInflateRatio();
        TypeGate gate = new TypeGate();
        assertThat(gate.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(before).isPositive();
    }

    @Test
    void programsAndScriptsAreRefusedByTheirBytesAndDocumentsAreNot() {
        TypeGate gate = new TypeGate();
        assertThat(gate.refusal(gate.detect(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0 }))).isEqualTo("executable");
        assertThat(gate.refusal(gate.detect("MZ\u0090\0\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo("executable");
        assertThat(gate.refusal(gate.detect("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("script");
        assertThat(gate.refusal(gate.detect("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))).isNull();
    }

    @Test
    void anMp4OfTheIsomBrandThatFfmpegAndPhonesWriteIsMp4AndAQuickTimeMovieStaysQuickTime() {
        TypeGate gate = new TypeGate();
        // The first 36 bytes of `ffmpeg -i … -c:v libx264 clip.mp4`, and of a movie saved by QuickTime.
        byte[] ffmpeg = "\0\0\0\u0020ftypisom\0\0\u0002\0isomiso2avc1mp41\0\0\0\u0008free".getBytes(StandardCharsets.ISO_8859_1);
        byte[] quickTime = "\0\0\0\u0014ftypqt  \0\0\u0002\0qt  \0\0\0\u0008wide".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(gate.detect(ffmpeg)).isEqualTo("video/mp4");
        assertThat(gate.detect(quickTime)).isEqualTo("video/quicktime");
        assertThat(gate.detect("\0\0\0\u0018ftypmp42\0\0\0\0mp42isom".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("video/mp4");
    }

    @Test
    void scriptIsFoundInMarkupEvenAcrossReadBoundaries() throws Exception {
        TypeGate gate = new TypeGate();
        String padding = "a".repeat(64 * 1024 - 3);
        assertThat(gate.scriptFound(new ByteArrayInputStream((padding + "<script>x()</script>").getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(gate.scriptFound(new ByteArrayInputStream("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(gate.scriptFound(new ByteArrayInputStream("<a href=\"JavaScript:alert(1)\">".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(gate.scriptFound(new ByteArrayInputStream("<p>Bài 1: Phép cộng</p>".getBytes(StandardCharsets.UTF_8)))).isFalse();
    }
}
