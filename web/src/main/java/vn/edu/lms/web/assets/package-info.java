/**
 * What every response carries for the browser: long-lived URLs for static files, and the
 * Content-Security-Policy and other safety headers.
 */
@NullMarked
package vn.edu.lms.web.assets;

import org.jspecify.annotations.NullMarked;
