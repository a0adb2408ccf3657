/**
 * Durable jobs in MongoDB, the one framework for every long task (extraction, transcoding,
 * indexing, reports): atomic claim with a lease renewed by a heartbeat, retries with back-off, a
 * dead-letter state with the error, progress, per-type concurrency limits, safe with several
 * application instances; a job whose instance died is taken over once its lease runs out.
 */
@NullMarked
package vn.edu.lms.content.job;

import org.jspecify.annotations.NullMarked;
