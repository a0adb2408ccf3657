package vn.edu.lms.content.library.extraction;

import org.jspecify.annotations.Nullable;

/**
 * What a document yields: its text and the metadata it carries. Every string is NFC, so that
 * Vietnamese typed on different systems compares and indexes alike.
 *
 * @param mediaType        the type Tika detects from the content (the file name only breaks ties), e.g. {@code application/pdf}
 * @param text             the body text, at most {@code lms.extraction.max-text-chars} characters
 * @param textTruncated    whether the document had more text than was kept (not a failure)
 * @param title            the title the document declares ({@code dc:title}), if any
 * @param author           its creators ({@code dc:creator}), joined with "; " when several
 * @param pages            pages, or slides of a presentation, where the format records them
 * @param language         the language the document declares ({@code dc:language}), e.g. {@code vi}; not guessed
 * @param durationSeconds  the length of audio or video, where the container records it
 * @param thumbnailPng     a PNG no wider than {@code lms.extraction.thumbnail-width}, for PDF, PPTX, ODF and images; null otherwise
 *                         or when it could not be drawn
 */
public record Extraction(
    String mediaType,
    String text,
    boolean textTruncated,
    @Nullable String title,
    @Nullable String author,
    @Nullable Integer pages,
    @Nullable String language,
    @Nullable Double durationSeconds,
    byte @Nullable [] thumbnailPng) {

    Extraction withThumbnail(byte @Nullable [] png) {
        return new Extraction(mediaType, text, textTruncated, title, author, pages, language, durationSeconds, png);
    }

    /** Sizes only: the text, title and author may be personal data and must not reach a log. */
    @Override
    public String toString() {
        return "Extraction[mediaType=" + mediaType + ", textChars=" + text.length() + ", textTruncated=" + textTruncated
            + ", pages=" + pages + ", language=" + language + ", durationSeconds=" + durationSeconds
            + ", thumbnailBytes=" + (thumbnailPng == null ? 0 : thumbnailPng.length) + "]";
    }
}
