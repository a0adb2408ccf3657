/**
 * The embedded Elasticsearch: the distribution Maven resolved, unpacked under the data directory
 * and run as a supervised child process on loopback, when no Elasticsearch URL is configured.
 */
@NullMarked
package vn.edu.lms.search.engine.embedded;

import org.jspecify.annotations.NullMarked;
