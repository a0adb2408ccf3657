/** The start-up report: when the application became ready, and how long it took. */
@NullMarked
package vn.edu.lms.web.startup;

import org.jspecify.annotations.NullMarked;
