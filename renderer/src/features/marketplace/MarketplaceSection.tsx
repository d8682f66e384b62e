import { ComingSoon } from '../../ui/ComingSoon.js';

export default function MarketplaceSection() {
  return (
    <ComingSoon
      icon="marketplace"
      title="Marketplace"
      lead="Widgets and dashboard templates shared by other teams will live here. This version does not include them yet."
      points={['Browse and install third-party widgets, reviewed for the permissions they ask for', 'Widgets run in a sandbox with no access to your other data', 'Publish your own widgets and templates']}
    />
  );
}
