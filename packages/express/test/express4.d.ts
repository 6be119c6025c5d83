// Express 4 installed under the alias `express4` (see package.json): typed with the
// Express 5 declarations, which describe the part of the API the tests use on both.
declare module 'express4' {
  import express from 'express';
  export default express;
}
