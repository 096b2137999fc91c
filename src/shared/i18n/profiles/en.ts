/** English strings of the profiles screens. */
export const profilesEn = {
  title: 'Connection profiles',
  lead: 'Saved connections to Databases for Redis, each tested with one click.',
  empty: 'No connection profiles yet. Create one from a connection string, a service key or a blank form.',
  cancel: 'Cancel',
  on: 'On',
  off: 'Off',
  endpoint: { public: 'Public', private: 'Private' },
  list: {
    tableTitle: 'Profiles',
    tableHint: 'Test a profile to see whether your application can reach Redis from here.',
    toolbar: 'Profile actions',
    search: 'Search by name, host or tag',
    tagFilter: 'Tag',
    allTags: 'All tags',
    testAll: 'Test all',
    new: 'New profile',
    newBlank: 'Blank',
    newFromUrl: 'From a connection string (URL)',
    newFromServiceKey: 'From service key JSON',
    newFromFile: 'From a file',
    name: 'Name',
    endpoint: 'Endpoint',
    host: 'Host',
    path: 'Network path',
    lastTest: 'Last test',
    actions: 'Actions',
    test: 'Test',
    testing: 'Testing…',
    never: 'Not tested yet',
    noMatch: 'No profile matches the search or tag.',
    storeWarning: 'The profile file had a problem'
  },
  path: {
    direct: 'Direct',
    ssh: 'SSH bastion host',
    pod: 'Pod in my cluster',
    directHint: 'This computer reaches Redis itself: inside IBM Cloud, or over a VPN or Direct Link.',
    sshHint: 'The test runs through an SSH tunnel from a bastion host that can reach the private endpoint. TLS still checks the real Redis host name.',
    podHint: 'A short-lived pod in your Kubernetes or OpenShift cluster runs the test; it and its Secret are deleted afterwards.',
    sshVia: 'SSH via {{target}}',
    podIn: 'Pod in {{namespace}}',
    methodKey: 'Private key file',
    methodAgent: 'ssh-agent',
    methodPassword: 'Password'
  },
  import: {
    continue: 'Continue',
    failed: 'Could not read this',
    url: {
      title: 'New profile from a connection string',
      hint: 'Paste a rediss:// or redis:// URL, or a redli command line. A password in it stays in the app; the form does not show it.',
      label: 'Connection string'
    },
    'service-key': {
      title: 'New profile from a service key',
      hint: 'Paste the service credentials (service key) JSON from IBM Cloud, or the output of "ibmcloud cdb deployment-connections --output json".',
      label: 'Service key JSON'
    },
    file: {
      title: 'New profile from a file',
      hint: 'Pick a service key JSON, a profile exported from PSE Wizard, or a text file with a connection string.',
      label: 'File',
      pick: 'Choose a file'
    }
  },
  file: {
    tooLarge: 'This file is too large (more than {{kb}} kB).'
  },
  editor: {
    newTitle: 'New connection profile',
    paste: 'Paste a connection string or service key to fill in the form',
    pasteHint: 'rediss:// URL, redli command line or service key JSON. Secrets in it stay in the app.',
    prefill: 'Fill in',
    connection: 'Connection',
    secrets: 'Password',
    secretsHint: 'Kept in the OS keychain, never in the profile file. Shown only when you click Reveal.',
    changeSshSecret: 'Change',
    changePassword: 'Change password',
    passwordFromImport: 'A password came with the pasted text; the app keeps it. Type one to replace it.',
    tls: 'TLS',
    plainWarning: 'Without TLS, the password and data cross the network in plain text.',
    mtls: 'Client certificate (mutual TLS, optional)',
    insecure: 'Insecure',
    insecureHint: 'The server certificate and host name are not checked: anyone on the path could impersonate the server.',
    path: 'Network path',
    test: 'Test',
    testAndSave: 'Test and save',
    testing: 'Testing…',
    saving: 'Saving…',
    close: 'Close',
    delete: 'Delete',
    deleteTitle: 'Delete "{{name}}"?',
    deleteText: 'The profile and its secrets in the keychain are removed from this computer. Nothing changes in IBM Cloud.',
    saved: 'Profile saved',
    fixFields: 'Correct the highlighted fields.',
    testFailedTitle: 'The test failed, so the profile was not saved',
    testFailedText: 'Fix the problem and test again, or save the profile as it is (for example, to test it later from another network).',
    saveAnyway: 'Save anyway',
    cancelTest: 'Cancel test',
    cancelledText: 'Nothing was recorded: the profile keeps its last test result.'
  },
  field: {
    name: 'Profile name',
    tags: 'Tags',
    tagsHint: 'Separate with commas, for example: prod, tokyo',
    host: 'Host',
    port: 'Port',
    db: 'Database number',
    username: 'User name (ACL)',
    usernameHint: 'Leave empty for password-only authentication.',
    password: 'Password',
    passwordHint: 'Leave empty if the server needs no password.',
    connectMs: 'Connect timeout (ms)',
    commandMs: 'Command timeout (ms)',
    tls: 'Use TLS',
    ca: 'CA certificate (PEM)',
    caHint: "The deployment's TLS certificate (certificate_base64 in the service key, decoded). Empty: the system's trusted CAs.",
    caFile: 'Load from a file',
    servername: 'TLS server name (SNI)',
    servernameHint: 'Empty: the host. Set it when you connect through an address the certificate does not name.',
    clientCert: 'Client certificate (PEM)',
    clientKey: 'Client private key',
    clientKeyFile: 'Load the client key from a file',
    clientKeyPem: 'Client private key (PEM)',
    clientKeyHint: 'Paste it or load it from a file. It goes to the OS keychain when you save, never into the profile file.',
    verify: 'Verify the server certificate and host name',
    pathKind: 'How this computer reaches Redis',
    sshAlias: 'Fill in from ~/.ssh/config',
    sshAliasHint: 'Pick a Host entry: its HostName, Port, User, IdentityFile and ProxyJump fill the fields below.',
    sshAliasNone: 'Choose a host…',
    sshHost: 'Bastion host',
    sshPort: 'SSH port',
    sshUser: 'SSH user',
    sshMethod: 'Log in with',
    sshKeyPath: 'Private key file',
    sshKeyPathHint: 'A full path, for example ~/.ssh/id_ed25519.',
    sshPassphrase: 'Key passphrase',
    sshPassword: 'SSH password',
    sshSecretHint: 'Kept in the OS keychain with this profile. Leave empty if none.',
    sshSecretStored: 'SSH passphrase or password (saved)',
    sshJumps: 'Jump hosts (ProxyJump)',
    sshJumpsHint: 'Optional, in connection order, as ssh -J takes them: user@host[:port], separated by commas.',
    podTool: 'Command',
    podBinary: 'Path to the command',
    podBinaryHint: 'Empty: found on PATH.',
    podContext: 'Kube context',
    podContextHint: 'Empty: the current context.',
    podNamespace: 'Namespace',
    podImage: 'Image with redis-cli',
    podImageHint: "Empty: the official Redis image. Use your registry's copy if the cluster cannot pull from the internet."
  },
  fieldErrors: {
    name: 'Enter a name (up to 100 characters).',
    tags: 'Tags have no spaces; up to 20 tags of 40 characters.',
    host: 'Enter a host name or an IP address.',
    port: 'Enter a port from 1 to 65535.',
    db: 'Enter a database number from 0 to 255.',
    username: 'A user name has no spaces.',
    caPem: 'Paste one or more PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).',
    servername: 'Enter a host name, or leave it empty.',
    clientCertPem: 'Paste a PEM certificate, or leave it empty.',
    connectMs: 'Enter a timeout from 100 to 120000 ms.',
    commandMs: 'Enter a timeout from 100 to 120000 ms.',
    ssh_host: "Enter the bastion's host name or IP address.",
    ssh_port: 'Enter a port from 1 to 65535.',
    ssh_username: 'Enter the SSH user name (no spaces).',
    ssh_privateKeyPath: 'Enter the full path of the key file, for example ~/.ssh/id_ed25519.',
    ssh_jumps: 'Write each jump host as user@host or user@host:port, separated by commas.',
    pod_binaryPath: 'Enter a full path ending in oc or kubectl, or leave it empty.',
    pod_context: 'A context name has no spaces.',
    pod_namespace: 'A namespace is lower-case letters, digits and dashes.',
    pod_image: 'Enter an image reference such as registry.example.com/tools/redis:7.'
  },
  hostKey: {
    unknownTitle: 'New bastion host: check its host key',
    unknownText: 'This is the first connection to {{where}}. Compare the fingerprint with the one your administrator gives you (ssh-keygen -lf on the server).',
    unknownAdvice: 'Accept it only if it matches. The app remembers it and stops if it ever changes.',
    accept: 'Accept and test again',
    accepting: 'Accepting…',
    changedTitle: 'The bastion host key has CHANGED',
    changedText: '{{where}} presented a different key from the one accepted before. Someone may be intercepting the connection; the test stopped.',
    changedAdvice:
      "Do not continue. Ask the bastion's administrator whether the key was replaced. Only if they confirm it, remove the old key from the app's known hosts and test again.",
    server: 'Server',
    type: 'Key type',
    fingerprint: 'Fingerprint',
    pinned: 'Accepted host key:'
  },
  diagnosis: {
    not_on_private_network: 'This computer is not on the IBM Cloud private network',
    private_dns_unreachable: 'The private endpoint name does not resolve here',
    vpe_unreachable: 'The Virtual Private Endpoint does not answer from here',
    addresses: 'Resolved addresses:',
    use_direct: 'Use a direct connection',
    use_ssh: 'Use an SSH bastion host',
    use_pod: 'Use a pod in my cluster',
    why: {
      not_on_private_network:
        "{{host}} resolves to {{addresses}}, in IBM Cloud's service endpoint network (166.8.0.0/14), but nothing answered: this computer is not on the IBM Cloud private network. That is expected on a laptop on the internet.",
      private_dns_unreachable:
        "{{host}} does not resolve here. Private endpoint names are answered only by IBM Cloud's private DNS, which this computer cannot reach.",
      vpe_unreachable:
        '{{host}} resolves to {{addresses}}, a private VPC address (a Virtual Private Endpoint), but nothing answered: it is reachable only from inside that VPC or a network connected to it.'
    },
    path: {
      direct: 'Direct: VPN or Direct Link',
      ssh: 'Through an SSH bastion host',
      pod: 'From a pod in your cluster'
    },
    action: {
      not_on_private_network: {
        direct:
          'Connect this computer to the IBM Cloud private network (client-to-site VPN, Direct Link, or run the app on a server inside IBM Cloud), then test again.',
        ssh: 'Tunnel through a virtual server in IBM Cloud (classic or VPC) that reaches service endpoints; you need SSH access to it.',
        pod: 'Test from a short-lived pod in an IBM Cloud Kubernetes or OpenShift cluster; you need oc or kubectl logged in to it.'
      },
      private_dns_unreachable: {
        direct: 'Use a VPN or Direct Link that also forwards DNS to IBM Cloud private DNS, then test again.',
        ssh: 'Tunnel through a virtual server in IBM Cloud: it resolves private names with IBM Cloud DNS.',
        pod: 'Test from a pod in an IBM Cloud cluster: its DNS resolves private names.'
      },
      vpe_unreachable: {
        direct: 'Connect with a client-to-site VPN into the VPC of the endpoint (or a network joined to it by Transit Gateway), then test again.',
        ssh: 'Tunnel through a virtual server in the same VPC as the endpoint.',
        pod: 'Test from a pod in a cluster that runs in the same VPC as the endpoint.'
      }
    }
  },
  keychain: {
    unavailableTitle: 'No keychain found: passwords cannot be saved',
    sessionTitle: 'Passwords are kept for this session only',
    useSession: 'Keep secrets for this session only'
  },
  pod: {
    cleaned: 'The test ran in pod {{name}} ({{namespace}}, image {{image}}); the pod and its Secret were deleted.',
    leftTitle: 'The test pod could not be deleted',
    leftText: 'Pod {{name}} or its Secret may still exist in {{namespace}}. Delete them with this command:',
    output: "Show the pod's output"
  },
  export: {
    menu: 'Export',
    redli: 'redli command',
    'redis-cli': 'redis-cli command',
    env: '.env lines',
    kubernetes: 'Kubernetes Secret',
    json: 'Profile JSON',
    withSecrets: 'Include the password',
    withSecretsHint: 'Off: the password is left out, with a placeholder to fill in.'
  },
  restrict: {
    open: 'Restrict access',
    title: 'Who may connect to {{name}}',
    lead: 'Only the networks you list may then connect to Redis; IBM’s own management still can. The profile is tested before and after: if it would no longer connect, the previous setting is put back.',
    addresses: 'Networks allowed to connect',
    addressesHint: 'IPv4 or IPv6 addresses, ranges (a-b) or CIDR subnets, one per line. Include the address this computer connects from.',
    mechanism: 'How',
    cbr: 'Context-based restriction (recommended)',
    allowlist: 'IP allowlist (Gen 1 only; deprecated)',
    preview: 'Preview',
    apply: 'Apply',
    close: 'Close',
    failed: 'The restriction was not applied',
    summaryCbr: 'Only {{list}} may connect to {{name}} (a context-based restriction on its data plane, enforced). IBM’s own management still can.',
    summaryAllowlist: 'Only {{list}} may connect to {{name}} (the Gen 1 IP allowlist; context-based restrictions are preferred).',
    source: 'This computer connects from {{address}}.',
    suggest: 'This computer connects from {{address}} (as the instance sees it when no NAT or VPN translates it).',
    suggestAdd: 'Add {{address}}',
    vpcEntry: 'the VPC “{{name}}”',
    vpcs: 'VPCs allowed to connect',
    vpcsHint: 'The VPCs with a VPE gateway to this instance. A VPC admits every subnet in it, now and later.',
    vpcOption: '{{name}} (VPE gateway {{gateway}}; subnets {{subnets}})',
    vpcsNone: 'No VPC has a VPE gateway to this instance.',
    outcome: {
      planned: 'Preview: nothing has changed yet',
      applied: 'In force, and the profile still connects',
      unchanged: 'Already in force, and the profile still connects'
    },
    messages: {
      restrict_address_invalid:
        'Fix these entries, then try again: {{entries}}. Each must be an IPv4 or IPv6 address, a range (a-b) or a CIDR subnet starting at its network address, and no wider than a /8 (IPv4) or /32 (IPv6).',
      addressInvalidCorrected:
        'Fix these entries, then try again: {{entries}}. Each must be an IPv4 or IPv6 address, a range (a-b) or a CIDR subnet starting at its network address, and no wider than a /8 (IPv4) or /32 (IPv6). Subnets that do not start at their network address: {{corrections}}.',
      lockedOutMissing:
        'With this restriction the profile “{{name}}” no longer connects ({{result}}), so the previous setting was put back. This computer connects from {{missing}}, which none of the entries admit: add it (or its network) and try again.',
      lockedOutDirect:
        'With this restriction the profile “{{name}}” no longer connects ({{result}}), so the previous setting was put back. Add the address this computer reaches IBM Cloud from (after any NAT or VPN) and try again.',
      lockedOutPath:
        'With this restriction the profile “{{name}}” no longer connects ({{result}}), so the previous setting was put back. Add the egress address of the profile’s bastion or cluster and try again.',
      restrict_profile_fails_before:
        'The profile “{{name}}” does not connect now ({{result}}), so a restriction could not be checked. Fix the profile’s test first, then restrict.',
      restrict_profile_not_ibm: 'The profile “{{name}}” was not saved from an IBM Cloud instance, so PSE Wizard cannot tell which instance to restrict.',
      restrict_allowlist_ipv6: 'The Gen 1 allowlist holds IPv4 addresses and subnets only. Use a context-based restriction for IPv6 or ranges.',
      restrict_allowlist_gen2: 'Gen 2 instances have no IP allowlist: use a context-based restriction.',
      restrict_allowlist_vpc: 'The Gen 1 allowlist holds addresses only, not VPCs. Use a context-based restriction, or list the VPC’s subnets.',
      restrict_vpc_unknown: 'No VPC {{vpcs}} in {{region}}, the instance’s region. Name one of: {{known}}.'
    },
    errors: {
      restrict_address_invalid: 'Some entries cannot be used',
      restrict_would_lock_out: 'This would lock this computer out: put back',
      restrict_profile_fails_before: 'Fix the profile’s test first',
      restrict_profile_not_ibm: 'This profile has no IBM Cloud instance',
      restrict_allowlist_ipv6: 'The allowlist takes IPv4 only',
      restrict_allowlist_gen2: 'Gen 2 has no allowlist',
      restrict_allowlist_vpc: 'The allowlist takes no VPC',
      restrict_vpc_unknown: 'No such VPC in the instance’s region'
    }
  }
}
