/**
 * Failures in English, by their stable code (`errors.<code>`, snake_case), or by the text a
 * failure names in `params.say` ("errors.<id>", camelCase: one code with several sentences),
 * each filled from the facts the failure carries (src/shared/said-text.ts). Main keeps its own
 * English sentence as the fallback; tests/unit/shared/i18n/errors-catalogue.test.ts checks that
 * every failure main can throw has a text here and in ja.ts, using only the params it carries.
 */
export const errorsEn = {
  // ── Every transport ─────────────────────────────────────────────
  cancelled: 'Cancelled.',
  unknown_call: 'This request names no known call. Update PSE Wizard so the window and the app match.',
  invalid_input: 'The request was not valid. Check the highlighted fields and try again.',
  invalid_output: 'PSE Wizard produced an answer it could not check. Please report this problem.',
  internal: 'Something went wrong inside PSE Wizard. Try again; if it persists, report it with the details.',
  unauthorized: 'Missing or wrong token. Open a new link from “pse-wizard serve” (press Enter where it runs).',
  forbidden: 'This window may not use PSE Wizard.',

  // ── IBM Cloud requests: what was asked (ibmOp) and the access it needs (ibmRole) ──
  ibm_api_key_missing: 'No IBM Cloud API key is set. Enter one on the Account step (or set IBMCLOUD_API_KEY for the command line).',
  ibm_api_key_invalid:
    'IBM Cloud did not accept this API key. Check that it was copied whole and has not been deleted, or create a new one under Manage > Access (IAM) > API keys.',
  ibm_unauthorized: 'IBM Cloud refused the sign-in while trying to $t(errors.ibmOp.{{op}}), even after a fresh token. Check the API key and try again.',
  ibm_forbidden: 'Your IBM Cloud access does not allow you to $t(errors.ibmOp.{{op}}). Ask an account administrator for $t(errors.ibmRole.{{role}}).',
  ibm_wrong_region:
    'IBM Cloud could not find it while trying to $t(errors.ibmOp.{{op}}) in region {{region}}. Cloud Databases answers only in the deployment’s own region: check the region, or that the instance still exists.',
  ibm_not_found: 'IBM Cloud could not find it while trying to $t(errors.ibmOp.{{op}}). It may have been deleted; refresh the list and choose again.',
  ibm_conflict: 'IBM Cloud refused to $t(errors.ibmOp.{{op}}): “{{said}}”. Fix the cause it names, then try again.',
  ibm_refused: 'IBM Cloud refused to $t(errors.ibmOp.{{op}}): “{{said}}”. Fix the cause it names, then try again.',
  ibmRefusedNoReason: 'IBM Cloud refused to $t(errors.ibmOp.{{op}}): the request conflicts with the current state. Fix the cause, then try again.',
  ibmBadRequestNoReason: 'IBM Cloud rejected the request to $t(errors.ibmOp.{{op}}). Check the values and try again.',
  ibm_rate_limited: 'IBM Cloud is limiting requests. Wait a minute and try again.',
  ibm_server_error:
    'IBM Cloud had an internal error while trying to $t(errors.ibmOp.{{op}}), and retrying did not help. Check https://cloud.ibm.com/status and try again later.',
  ibm_unreachable: 'Could not reach IBM Cloud to $t(errors.ibmOp.{{op}}). Check the network connection (and proxy or VPN), then try again.',
  ibm_timeout: 'IBM Cloud did not answer in time while trying to $t(errors.ibmOp.{{op}}). Check the network connection and try again.',
  ibm_malformed_response: 'IBM Cloud sent an answer PSE Wizard could not read while trying to $t(errors.ibmOp.{{op}}). Try again; if it persists, report it.',
  ibm_bad_request: 'IBM Cloud rejected the request to $t(errors.ibmOp.{{op}}): “{{said}}”. Check the values and try again.',
  ibm_task_failed:
    'IBM Cloud could not $t(errors.ibmOp.{{task}}) (the task ended “{{status}}”). Try again; if it fails again, open a support case with the task id.',
  ibmTaskStillRunning: 'IBM Cloud is still working to $t(errors.ibmOp.{{task}}). Check again in a few minutes.',
  ibmInternal: 'Something went wrong while trying to $t(errors.ibmOp.{{op}}). Try again; if it persists, report it with the details.',
  ibmOp: {
    signIn: 'sign in with the API key',
    readApiKeyDetails: 'read the API key details',
    readAccountName: 'read the account name',
    listResourceGroups: 'list resource groups',
    listInstances: 'list Databases for Redis instances',
    readInstance: 'read the Databases for Redis instance',
    createInstance: 'create the Databases for Redis instance',
    deleteInstance: 'delete the Databases for Redis instance',
    changeEndpoints: 'change the instance endpoints',
    listServiceKeys: 'list the service keys of the instance',
    createServiceKey: 'create the service key',
    createRoleServiceKey: 'create the {{keyRole}} service key',
    listRegions: 'list Cloud Databases regions',
    listVersions: 'list Redis versions',
    readDeployment: 'read the Cloud Databases deployment',
    setAdminPassword: 'set the admin password',
    readPrivateConnection: 'read the private connection information',
    readPublicConnection: 'read the public connection information',
    readAllowlist: 'read the IP allowlist',
    addAllowlistEntry: 'add an IP allowlist entry',
    removeAllowlistEntry: 'remove an IP allowlist entry',
    replaceAllowlist: 'replace the IP allowlist',
    updateAllowlist: 'update the IP allowlist',
    applyRestriction: 'apply the restriction',
    listInstanceTasks: 'list the instance tasks',
    followTask: 'follow the task to $t(errors.ibmOp.{{task}})',
    listZones: 'list the network zones',
    createZone: 'create the network zone',
    replaceZone: 'replace the network zone',
    readZone: 'read the network zone',
    deleteZone: 'delete the network zone',
    listRules: 'list the context-based restriction rules',
    createRule: 'create the restriction rule',
    readRule: 'read the restriction rule',
    replaceRule: 'replace the restriction rule',
    deleteRule: 'delete the restriction rule',
    restoreRule: 'put the restriction rule back',
    readGen2Catalog: 'read the Gen 2 deployments of Databases for Redis in the Global Catalog',
    readSupportCase: 'read support case {{caseNumber}}',
    findSupportCase: 'look for the support case already opened',
    openSupportCase: 'open the support case',
    listVpcs: 'list the VPCs in {{vpcRegion}}',
    listSubnets: 'list the subnets of the VPC',
    listSecurityGroups: 'list the security groups of the VPC',
    createSecurityGroup: 'create the security group for the VPE gateway',
    listVpeGateways: 'list the VPE gateways of the VPC',
    createVpeGateway: 'create the VPE gateway',
    readVpeGateway: 'read the VPE gateway',
    deleteFailedVpeGateway: 'delete the failed VPE gateway'
  },
  ibmRole: {
    missing: 'the missing IAM role',
    viewerResourceGroup: 'the Viewer platform role on at least one resource group',
    viewerRedis: 'the Viewer platform role on Databases for Redis (and on the resource group)',
    editorRedis: 'the Editor platform role on Databases for Redis and the Viewer role on the resource group',
    viewerInstance: 'the Viewer platform role on this Databases for Redis instance',
    editorInstance: 'the Editor platform role on this Databases for Redis instance',
    operatorInstance: 'the Operator, Editor or Administrator platform role on this Databases for Redis instance',
    adminOrEditorInstance: 'the Administrator or Editor platform role on this Databases for Redis instance',
    managerInstance: 'the Manager service role on this Databases for Redis instance',
    keysInstance: 'the Editor platform role (to create keys) and the Manager service role on this Databases for Redis instance',
    editorCbr: 'the Editor or Administrator role on Context-based restrictions',
    administratorRedis: 'the Administrator role on Databases for Redis (to restrict it)',
    editorSupport: 'the Editor role on the Support Center service (to open and view support cases)',
    viewerVpc: 'the Viewer platform role on VPC Infrastructure Services',
    editorVpe: 'the Editor platform role on VPC Infrastructure Services (endpoint gateways and security groups)'
  },

  // ── SSH bastions ────────────────────────────────────────────────
  ssh_host_not_found: 'The bastion name {{host}} does not resolve. Check the spelling or your DNS.',
  ssh_connect_refused: 'Nothing accepts SSH connections on {{host}}:{{port}}. Check the port and that sshd is running.',
  ssh_timeout: '{{host}}:{{port}} did not answer in time. Check the address and port, and that the bastion is running.',
  sshLoginTimeout: '{{host}}:{{port}} did not finish the login in time.',
  sshForwardTimeout: 'The bastion did not open a connection to {{host}}:{{port}} in time.',
  ssh_auth_failed:
    '{{host}}:{{port}} refused the login as “{{user}}” with this $t(errors.sshMethod.{{method}}). Check the user name and that the public key is in the server’s authorized_keys.',
  sshMethod: { key: 'key', password: 'password', agent: 'agent' },
  ssh_key_unreadable: 'The private key file {{path}} could not be read. Check the path and its permissions.',
  sshKeyFormat: '{{path}} is not a private key PSE Wizard can use (OpenSSH, PEM or PuTTY format).',
  sshNoKeyFound: 'No SSH key found for {{spec}}: pass --ssh-key FILE, or start ssh-agent with your key loaded.',
  ssh_key_too_large: 'The file {{path}} is larger than 1 MiB, so it is not an SSH private key. Choose the key file itself (for example ~/.ssh/id_ed25519).',
  ssh_key_passphrase_required: 'The key {{path}} is protected by a passphrase. Enter it (it is kept in the system keychain).',
  ssh_key_passphrase_wrong: 'The passphrase does not unlock the key {{path}}. Enter it again.',
  ssh_agent_unavailable: 'No SSH agent is running (SSH_AUTH_SOCK is not set). Start ssh-agent and add your key, or choose a key file.',
  sshAgentUnreachable: 'The SSH agent could not be reached. Start ssh-agent and add your key (ssh-add), or choose a key file.',
  ssh_forward_denied: 'The bastion does not allow port forwarding (AllowTcpForwarding). Ask its administrator, or use another path.',
  ssh_forward_failed:
    'The bastion could not reach $t(errors.sshForwardTarget.{{target}}) at {{host}}:{{port}}. Check that this bastion is on the network of the endpoint.',
  sshForwardTarget: { hop: 'the next SSH server', target: 'Redis' },
  ssh_connect_failed: 'The SSH connection failed. See the details.',
  sshConnectFailedTo: 'The SSH connection to {{host}}:{{port}} failed. See the details.',
  ssh_secret_missing: 'No SSH password is saved for {{user}}@{{host}}. Enter it in the profile’s network path.',
  sshPathEmpty: 'An SSH path needs at least one server.',
  tunnelNeedsSsh: 'Only a profile with an SSH bastion path can open a tunnel.',
  ssh_config_jump_loop: 'The ProxyJump settings for “{{alias}}” loop or go deeper than {{max}} hops. Check ~/.ssh/config.',
  sshHostEmpty: 'An SSH host is empty. Write it as user@host or user@host:port.',
  sshUserEmpty: '“{{spec}}” has an empty user name before “@”. Write it as user@host.',
  sshHostInvalid: '“{{spec}}” is not a valid SSH host. Write it as user@host or user@host:port.',
  sshPortInvalid: 'The port in “{{spec}}” is not a number between 1 and 65535.',
  sshConfigUnreadable: 'Your SSH config file could not be read. Fix the line named below, or enter the bastion by hand.',
  sshSpecUnusable: '“{{spec}}” does not give a usable SSH server. Write it as user@host or user@host:port.',
  sshHostKeyOption: '--ssh-host-key takes a fingerprint as ssh-keygen -lf prints it: SHA256: followed by 43 characters.',
  ssh_host_key_unknown:
    'PSE Wizard has not connected to {{host}}:{{port}} before. Check that its {{keyType}} key fingerprint is {{fingerprint}} (ask the server’s owner, or run ssh-keygen -lf on the server), then accept it.',
  ssh_host_key_revoked:
    'The host key of {{host}}:{{port}} ({{fingerprint}}) is marked @revoked in {{file}} line {{line}}. PSE Wizard refuses it. Ask the server’s owner for the server’s current key.',
  ssh_host_key_changed:
    'WARNING: the host key of {{host}}:{{port}} has changed. Someone may be intercepting the connection, or the server was reinstalled. PSE Wizard stopped. Confirm the new fingerprint {{fingerprint}} with the server’s owner before replacing the pinned key.',
  hostKeyChangedInFile:
    'WARNING: the host key of {{host}}:{{port}} differs from the one in {{file}} line {{line}}. Someone may be intercepting the connection, or the server was reinstalled. PSE Wizard stopped. Confirm the new fingerprint {{fingerprint}} with the server’s owner, then update that file (ssh-keygen -R removes the old entry).',
  fingerprintInvalid: 'That is not an SSH SHA256 fingerprint. Copy it exactly as shown, starting with “SHA256:”.',

  // ── Kubernetes / OpenShift pods ─────────────────────────────────
  pod_tool_not_found: '{{tool}} was not found on PATH. Install $t(errors.kubeInstall.{{tool}}) and log in to your cluster, or set the path to it.',
  kubeInstall: { kubectl: 'kubectl', oc: 'the OpenShift CLI (oc)' },
  kubeToolNotExecutable: '{{path}} is not an executable file. Set the full path to {{tool}}, or leave it empty to use the one on PATH.',
  kubeToolUnstartable: '{{tool}} could not be started ({{path}}). Check the path in the profile.',
  pod_timeout: 'The cluster did not finish the test in time. Check that the cluster is reachable, then test again.',
  kubeToolTimeout: '{{tool}} {{command}} did not finish in {{seconds}} s. Check that the cluster is reachable.',
  podTimeout: 'The test pod did not finish in time (last state: {{state}}). The cluster may be short of resources, or the image is slow to pull.',
  pod_tool_output_too_large: '{{tool}} {{command}} printed more than {{mib}} MiB and was stopped. Check the kube context and namespace.',
  pod_rbac_forbidden:
    'Your account may not {{verb}} {{resource}} in the namespace “{{namespace}}”. Ask a cluster admin for a Role allowing create, get and delete on pods, pods/log and secrets there (check with “{{tool}} auth can-i create pods -n {{namespace}}”), or choose a namespace where you can.',
  pod_context_not_found: 'The kube context “{{context}}” does not exist. Pick one from “{{tool}} config get-contexts”.',
  pod_not_logged_in: '{{tool}} is not logged in to the cluster, or the login expired. Log in again, then test again.',
  kubeNotLoggedInOc: 'oc is not logged in to the cluster, or the login expired. Run “oc login” again, then test again.',
  kubeNotLoggedInKubectl:
    'kubectl is not logged in to the cluster, or the login expired. Refresh your cluster credentials (for IBM Cloud: ibmcloud ks cluster config), then test again.',
  pod_namespace_not_found: 'The namespace “{{namespace}}” does not exist in this cluster. Check its name.',
  pod_cluster_unreachable: '{{tool}} cannot reach the cluster API. Check your network or VPN, and the cluster URL in your kube config.',
  pod_tool_failed: '{{tool}} failed. See the details.',
  kubeToolNotJson: 'The cluster tool answered with something that is not JSON.',
  pod_image_pull_failed:
    'The cluster could not pull the image “{{image}}”. If the cluster cannot pull from the internet, set an image with redis-cli from your own registry.',
  pod_failed: 'The test pod could not start its container. See the details.'
}

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type ErrorMessages = Widen<typeof errorsEn>
