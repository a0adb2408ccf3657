package vn.edu.lms.api.questionbank.importing.qti;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.importing.ImportProblem;

/**
 * The files of a content package (.zip), by their normalized path. An entry that could be written
 * outside the package, too many entries or too many bytes refuse the whole package: it is someone
 * else's file, possibly made to harm.
 */
record QtiPackage(Map<String, byte[]> files) {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    QtiPackage {
        files = Map.copyOf(files);
    }

    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && (file[2] == 3 || file[2] == 5) && (file[3] == 4 || file[3] == 6);
    }

    static QtiPackage read(byte[] zip) throws RefusedFile {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw RefusedFile.unreadable();
                }
                String path = entryPath(entry.getName());
                if (path == null) {
                    throw new RefusedFile(new ImportProblem("import.unsafe-path", entry.getName()));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                // Counted as inflated, not as the entry claims: a zip bomb lies about its sizes.
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_BYTES) {
                        throw RefusedFile.unreadable();
                    }
                    content.write(buffer, 0, read);
                }
                if (files.putIfAbsent(path, content.toByteArray()) != null) {
                    throw RefusedFile.unreadable();
                }
            }
        } catch (IOException | IllegalArgumentException damaged) {
            throw RefusedFile.unreadable();
        }
        return new QtiPackage(files);
    }

    /** The entry's path with empty and "." segments dropped, or null when it is absolute, climbs out with "..", or uses backslashes. */
    static @Nullable String entryPath(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || DRIVE.matcher(name).matches()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                path.append(path.length() == 0 ? "" : "/").append(segment);
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /**
     * Where {@code reference} (a relative URL in a file at {@code from}) points in the package, or null
     * when it leaves the package.
     */
    static @Nullable String resolve(String from, String reference) {
        String relative = reference.strip();
        int end = indexOfAny(relative, '#', '?');
        relative = decoded(end < 0 ? relative : relative.substring(0, end));
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        int slash = from.lastIndexOf('/');
        if (slash > 0) {
            for (String segment : from.substring(0, slash).split("/")) {
                segments.addLast(segment);
            }
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    byte @Nullable [] file(String path) {
        return files.get(path);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** Percent-escapes decoded ("h%C3%ACnh.png"); "+" stays, as in a path. */
    private static String decoded(String reference) {
        try {
            return URLDecoder.decode(reference.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEscaped) {
            return reference;
        }
    }
}
