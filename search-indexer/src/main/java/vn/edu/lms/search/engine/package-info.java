/**
 * The connection to Elasticsearch: the 8.19 Java client over the configured cluster or the
 * embedded node, and its readiness check. Search features use the asynchronous client.
 */
@NullMarked
package vn.edu.lms.search.engine;

import org.jspecify.annotations.NullMarked;
