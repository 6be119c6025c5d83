console.error('dinhdanh-mock-idp: not built yet');
process.exitCode = 1;
