/**
 * Taking a test: a student's attempt with its server-kept clock, answers saved one by one and
 * idempotently (a client sequence number per save; acknowledged once durable), one active device,
 * proctor pauses and extra time, time lost to a server outage given back, automatic submission at
 * time-out, and the event log and live progress a proctor watches.
 */
@NullMarked
@NamedInterface("attempt")
package vn.edu.lms.api.assessment.attempt;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
