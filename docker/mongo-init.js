// Runs once, when the MongoDB volume is first initialised: the application's own account,
// allowed to read and write its database only.
db.getSiblingDB('lms').createUser({
  user: process.env.LMS_MONGO_USERNAME,
  pwd: process.env.LMS_MONGO_PASSWORD,
  roles: [{ role: 'readWrite', db: 'lms' }],
});
