/**
 * The object storage of the library: the MinIO client connected to the configured endpoint or the
 * embedded store, the bucket, and its readiness check.
 */
@NullMarked
package vn.edu.lms.content.storage;

import org.jspecify.annotations.NullMarked;
