/**
 * The embedded default: a MongoDB-wire-protocol server and an S3-compatible object store started in
 * this process when no external service is configured, with everything kept under one data
 * directory. Acknowledged writes survive {@code kill -9}. Reached only through the official
 * MongoDB driver and the MinIO client, never called directly by features.
 */
@NullMarked
package vn.edu.lms.content.embedded;

import org.jspecify.annotations.NullMarked;
