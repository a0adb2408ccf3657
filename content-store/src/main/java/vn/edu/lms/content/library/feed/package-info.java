@NullMarked
package vn.edu.lms.content.library.feed;

import org.jspecify.annotations.NullMarked;
