/**
 * The pages of the question bank and of tests: importing and editing questions, blueprints with the
 * bank's coverage, scheduling sessions, the live proctor view, results, and the test-taking page.
 */
@NullMarked
package vn.edu.lms.web.exam;

import org.jspecify.annotations.NullMarked;
