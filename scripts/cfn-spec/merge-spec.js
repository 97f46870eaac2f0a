// Merges the CloudFormation resource specification from @aws-cdk/cfnspec with the patches in this folder (resource
// types newer than that spec, each citing its documentation) and writes it where cfn-lint (martysweet) reads its
// specification: cfn-lint 1.9.7 bundles spec 2.29.0 (2019), which lacks e.g. Tags on IAM roles and log groups.
// usage: node merge-spec.js <node_modules folder>
const fs = require('fs');
const path = require('path');
const modules = process.argv[2];
const spec = JSON.parse(fs.readFileSync(path.join(modules, '@aws-cdk/cfnspec/spec/specification.json'), 'utf8'));
for (const f of fs.readdirSync(__dirname).filter(n => n.endsWith('.json')).sort()) {
  const patch = JSON.parse(fs.readFileSync(path.join(__dirname, f), 'utf8'));
  Object.assign(spec.PropertyTypes, patch.PropertyTypes || {});
  Object.assign(spec.ResourceTypes, patch.ResourceTypes || {});
}
fs.writeFileSync(path.join(modules, 'cfn-lint/data/aws_resources_specification.json'), JSON.stringify(spec));
console.log('cfn-lint specification: ' + spec.ResourceSpecificationVersion + ' + ' +
  fs.readdirSync(__dirname).filter(n => n.endsWith('.json')).join(', '));
