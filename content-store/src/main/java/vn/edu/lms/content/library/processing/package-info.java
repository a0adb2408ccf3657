/** Durable jobs that turn an uploaded file version into what search and players need. */
@NullMarked
package vn.edu.lms.content.library.processing;

import org.jspecify.annotations.NullMarked;
