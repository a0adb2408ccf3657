/**
 * The connection to MongoDB: a configured replica set, or the embedded server. Each feature owns
 * its collections and reaches the database through Spring Data's reactive template.
 */
@NullMarked
package vn.edu.lms.content.database;

import org.jspecify.annotations.NullMarked;
