package vn.edu.lms.content.library.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code lms.media.*}: defaults when absent, and a configured ffmpeg that is not there stops the start. */
class MediaPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(MediaConfiguration.class, MediaTranscoder.class);

    @Test
    void nothingConfiguredMeansTheDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(MediaProperties.class))
                .isEqualTo(new MediaProperties(null, true, Duration.ofHours(2), 2, 1, Duration.ofSeconds(6)));
            assertThat(started.getBean(MediaTranscoder.class).ffmpegDescription()).containsPattern("^(system|bundled) ffmpeg ");
        });
    }

    @Test
    void settingsAreBound() {
        context.withPropertyValues("lms.media.prefer-system-ffmpeg=false", "lms.media.timeout=30m", "lms.media.threads=1",
            "lms.media.concurrency=2", "lms.media.segment-length=4s").run(started -> {
                assertThat(started.getBean(MediaProperties.class))
                    .isEqualTo(new MediaProperties(null, false, Duration.ofMinutes(30), 1, 2, Duration.ofSeconds(4)));
                assertThat(started.getBean(MediaTranscoder.class).ffmpegDescription()).isEqualTo("bundled ffmpeg 4.4.1 (jave2)");
            });
    }

    @Test
    void aConfiguredFfmpegThatIsNotThereStopsTheStart() {
        context.withPropertyValues("lms.media.ffmpeg-path=/opt/nowhere/ffmpeg").run(started -> assertThat(started)
            .getFailure().rootCause().hasMessageContaining("lms.media.ffmpeg-path /opt/nowhere/ffmpeg"));
    }
}
