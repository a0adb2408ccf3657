/** Access to health, metrics and the API documentation. */
@NullMarked
package vn.edu.lms.web.operations;

import org.jspecify.annotations.NullMarked;
