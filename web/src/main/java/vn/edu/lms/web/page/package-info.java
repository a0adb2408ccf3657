/**
 * What every page shares: who is looking and what they may reach (the navigation), the CSRF token
 * for its forms, error pages, and the rules that open the pages and their static files.
 */
@NullMarked
package vn.edu.lms.web.page;

import org.jspecify.annotations.NullMarked;
