/**
 * Video and audio renditions for slow links: FFmpeg (the operating system's when present, else the
 * binary jave2 bundles) turns an uploaded file into an HLS ladder, a master playlist and a poster.
 * The durable job that calls {@link vn.edu.lms.content.library.media.MediaTranscoder} lives in
 * {@code library.processing}.
 */
@NullMarked
package vn.edu.lms.content.library.media;

import org.jspecify.annotations.NullMarked;
