// Prints the state machine definition of a generated template with every ${<Function>Arn} replaced by a well-formed
// Lambda ARN, so asl-validator checks exactly what CloudFormation would hand to Step Functions.
// usage: node extract-asl.js <template.json>   (prints nothing for a template without a state machine)
const fs = require('fs');
const t = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const sm = t.Resources.StateMachine;
if (!sm) process.exit(0);
const [asl, vars] = sm.Properties.DefinitionString['Fn::Sub'];
let out = asl;
for (const [name, value] of Object.entries(vars)) {
  const fn = t.Resources[value['Fn::GetAtt'][0]].Properties.FunctionName;
  out = out.split('${' + name + '}').join('arn:aws:lambda:us-east-1:123456789012:function:' + fn);
}
if (out.includes('${')) { console.error('unsubstituted variable in ' + process.argv[2]); process.exit(1); }
process.stdout.write(out);
