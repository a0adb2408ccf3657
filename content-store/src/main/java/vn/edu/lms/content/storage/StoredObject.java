package vn.edu.lms.content.storage;

/** An object as the store acknowledged it. */
public record StoredObject(String key, long size, String etag) {
}
